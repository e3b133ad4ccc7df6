/** The ledger's invariants, checked between the clients' record, the event store and both read models. */
package io.ledgerline.systemtests.invariants;
