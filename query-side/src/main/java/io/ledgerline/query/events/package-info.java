/** Reading ledger.events: records into typed events with their position, aggregate sequence and metadata. */
package io.ledgerline.query.events;
