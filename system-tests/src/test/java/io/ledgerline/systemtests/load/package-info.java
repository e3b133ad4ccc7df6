/** Concurrent clients of the command API that record every request and its answer. */
package io.ledgerline.systemtests.load;
