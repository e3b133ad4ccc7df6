/** Ledgerline over HTTP as a client sees it: commands, read-your-writes reads, searches, rebuilds. */
package io.ledgerline.bench.ledger;
