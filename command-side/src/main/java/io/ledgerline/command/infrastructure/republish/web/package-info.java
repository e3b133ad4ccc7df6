/** The operators' API to republish the event store to Kafka and follow its progress. */
package io.ledgerline.command.infrastructure.republish.web;
