/** The benchmark harness: starts Ledgerline locally, measures it next to a raw PostgreSQL baseline, writes the report. */
package io.ledgerline.bench;
