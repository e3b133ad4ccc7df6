/** The transfers read model in PostgreSQL: each transfer's request and outcome. */
package io.ledgerline.query.transfers;
