/** The query side: projects ledger.events into SQL and Elasticsearch read models and serves them. */
package io.ledgerline.query;
