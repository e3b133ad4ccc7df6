/** The yardstick: PostgreSQL's raw commit rate for one event-sized row per transaction, on the same server. */
package io.ledgerline.bench.baseline;
