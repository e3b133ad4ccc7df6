/** Reconciliation of the account read models (SQL and search) against the balances the event store proves. */
package io.ledgerline.query.reconciliation;
