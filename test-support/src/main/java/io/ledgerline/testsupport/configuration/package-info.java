/** Checks of what a service's packaged configuration gives away, shared by both services' tests. */
package io.ledgerline.testsupport.configuration;
