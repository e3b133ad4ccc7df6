/** Many clients on a few accounts: every request waits for the same aggregates, and none may end in a 5xx. */
package io.ledgerline.bench.hotaccounts;
