package io.ledgerline.query.statements.web;

import io.ledgerline.query.statements.search.TransactionDocument;
import java.util.List;

/** One page of matching statement lines, newest first, with totals over all matching lines. */
public record TransactionSearchResponse(List<TransactionDocument> hits, long total, List<TransactionTotal> totalsByType,
        List<TransactionTotal> totalsByMonth) {
}
