/** The plain Axon peer: started next to Ledgerline and loaded alike, the yardstick of its deposit figures. */
package io.ledgerline.bench.peer;
