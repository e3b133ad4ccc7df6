/** Which of Axon's metrics the command side records, and at what cost in memory. */
package io.ledgerline.command.infrastructure.metrics;
