/** The accounts read model: one row per account in SQL, kept by its projection, and its search part in accounts.search. */
package io.ledgerline.query.accounts;
