/** The command side's per-customer key table: keys created with a customer's first event, deleted by its erasure. */
package io.ledgerline.command.personaldata;
