/** Tokens of the development issuer for the integration tests, and the forged, expired and foreign-signed ones they must refuse. */
package io.ledgerline.testsupport.security;
