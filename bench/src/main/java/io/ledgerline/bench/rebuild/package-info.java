/** Rebuild throughput of the read models, through the query side's rebuild API. */
package io.ledgerline.bench.rebuild;
