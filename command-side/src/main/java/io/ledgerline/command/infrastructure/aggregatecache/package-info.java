/** The bounded cache of aggregates a node has loaded, holding only what the event store has committed. */
package io.ledgerline.command.infrastructure.aggregatecache;
