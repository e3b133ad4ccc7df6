/** The committed OpenAPI documents the services' tests hold the served ones to. */
package io.ledgerline.testsupport.apidocs;
