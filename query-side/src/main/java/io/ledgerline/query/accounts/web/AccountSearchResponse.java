package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.search.AccountDocument;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Accounts found by a search, best match first, and how many matched in all. */
public record AccountSearchResponse(@ArraySchema(maxItems = 100) List<AccountDocument> hits,
        @Schema(description = "How many matched in all", minimum = "0", maximum = "9223372036854775807") long total) {
}
