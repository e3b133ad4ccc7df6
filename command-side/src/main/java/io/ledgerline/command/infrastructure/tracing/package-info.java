/** The trace of a request through commands, stored events, the saga and the publication to Kafka. */
package io.ledgerline.command.infrastructure.tracing;
