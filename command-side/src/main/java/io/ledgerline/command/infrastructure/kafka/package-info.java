/** Publication of every stored event to the Kafka topic ledger.events, at least once and in order per aggregate. */
package io.ledgerline.command.infrastructure.kafka;
