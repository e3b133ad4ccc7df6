/** Like-for-like comparisons in one run (direct against the gateway, tracing off against sampled), taken in alternating rounds. */
package io.ledgerline.bench.comparison;
