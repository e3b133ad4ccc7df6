package io.ledgerline.query.statements.web;

import java.util.List;

/**
 * One page of matching statement lines, newest first, each as the statement answers it, with totals
 * over all matching lines.
 */
public record TransactionSearchResponse(List<StatementLineResponse> hits, long total,
        List<TransactionTotal> totalsByType, List<TransactionTotal> totalsByMonth) {
}
