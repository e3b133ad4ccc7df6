package io.ledgerline.query.accounts.search;

/** A document with the external version it has in its index: the sequence of its last event plus one. */
public record Versioned<T>(T document, long version) {
}
