package io.ledgerline.query.statements.web;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.ledgerline.query.search.AmountKeys;
import io.ledgerline.query.statements.search.TransactionDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a transaction search asks for; amounts compare across currencies by their face value. */
record TransactionCriteria(Optional<String> text, Optional<String> accountId, Optional<BigDecimal> minAmount,
        Optional<BigDecimal> maxAmount, Optional<Instant> from, Optional<Instant> to) {

    Query toQuery() {
        List<Query> filters = new ArrayList<>();
        accountId.ifPresent(id -> filters.add(Query.of(q -> q.term(t -> t.field("accountId").value(id)))));
        minAmount.ifPresent(min -> filters.add(Query.of(q -> q.range(r -> r.term(t -> t
                .field(TransactionDocument.RANGE_FIELD).gte(AmountKeys.atLeast(min)))))));
        maxAmount.ifPresent(max -> filters.add(Query.of(q -> q.range(r -> r.term(t -> t
                .field(TransactionDocument.RANGE_FIELD).lte(AmountKeys.atMost(max)))))));
        from.ifPresent(start -> filters.add(Query.of(q -> q.range(r -> r.date(d -> d
                .field("timestamp").gte(start.toString()))))));
        to.ifPresent(end -> filters.add(Query.of(q -> q.range(r -> r.date(d -> d
                .field("timestamp").lt(end.toString()))))));
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            text.ifPresent(words -> b.must(m -> m.multiMatch(mm -> mm
                    .query(words).fields("description", "reference", "externalReference", "reason", "reasonCode").operator(Operator.And))));
            return b;
        }));
    }
}
