/** Technical wiring of the command side: the event store on PostgreSQL and publication to Kafka. */
package io.ledgerline.command.infrastructure;
