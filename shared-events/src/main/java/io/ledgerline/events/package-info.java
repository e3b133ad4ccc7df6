/** The published language of Ledgerline: events, the value types they carry, and the wire headers of ledger.events. */
package io.ledgerline.events;
