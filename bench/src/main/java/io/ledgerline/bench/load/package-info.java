/** Load generation (closed loop and paced) and latency statistics, independent of what is loaded. */
package io.ledgerline.bench.load;
