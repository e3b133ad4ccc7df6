/** No money lost under concurrency, crashes, outages and scale-out: scenarios on the real servers. */
package io.ledgerline.systemtests.reliability;
