/** Hands out development tokens over HTTP, in the local profile only. */
package io.ledgerline.command.devtokens;
