/** The size of the command side's event store, and filling it up to a given number of events. */
package io.ledgerline.bench.store;
