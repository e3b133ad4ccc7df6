package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.search.AccountDocument;
import java.util.List;

/** Accounts found by a search, best match first, and how many matched in all. */
public record AccountSearchResponse(List<AccountDocument> hits, long total) {
}
