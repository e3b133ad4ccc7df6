/** Tamper evidence: one SHA-256 chain per aggregate over the stored events, and its verification. */
package io.ledgerline.command.integrity;
