/** Republication of the event store, from a global position, to Kafka for disaster recovery. */
package io.ledgerline.command.infrastructure.republish;
