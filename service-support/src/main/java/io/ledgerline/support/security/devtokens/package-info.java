/** The development token issuer: signed JWTs on request, in the local profile only, never in production. */
package io.ledgerline.support.security.devtokens;
