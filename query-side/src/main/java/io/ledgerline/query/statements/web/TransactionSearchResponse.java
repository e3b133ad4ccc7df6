package io.ledgerline.query.statements.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of matching statement lines, newest first, each as the statement answers it, with totals
 * over all matching lines.
 */
public record TransactionSearchResponse(@ArraySchema(maxItems = 100) List<StatementLineResponse> hits,
        @Schema(description = "How many matched in all", minimum = "0", maximum = "9223372036854775807") long total,
        @ArraySchema(maxItems = TransactionTotals.MOST_TYPES * TransactionTotals.MOST_CURRENCIES)
        List<TransactionTotal> totalsByType,
        @ArraySchema(maxItems = TransactionTotals.MOST_BUCKETS,
                arraySchema = @Schema(description = "Bounded by the buckets Elasticsearch answers at most"))
        List<TransactionTotal> totalsByMonth) {
}
