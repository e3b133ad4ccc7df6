package io.ledgerline.query.search;

/** An account as indexed for search. The document id is the account id. */
public record AccountDocument(String accountId, String customerId, String currency, String status, String openedAt) {
}
