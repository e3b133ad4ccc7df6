/** Axon's JPA event store on PostgreSQL with JSON in bytea columns and a Flyway-owned schema. */
package io.ledgerline.command.infrastructure.eventstore;
