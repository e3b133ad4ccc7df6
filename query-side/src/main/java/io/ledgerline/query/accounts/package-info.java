/** The accounts read model in PostgreSQL: one row per account, kept by its projection. */
package io.ledgerline.query.accounts;
