/** The verification API of the ledger's hash chains, for auditors and administrators. */
package io.ledgerline.command.integrity.web;
