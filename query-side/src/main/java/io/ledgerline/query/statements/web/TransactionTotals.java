package io.ledgerline.query.statements.web;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.ledgerline.query.search.MinorUnits;
import io.ledgerline.query.statements.search.TransactionDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Totals of matching lines per type and per month, each split by currency: amounts of different
 * currencies are never added up. Sums run over the parts of whole minor units, each of which
 * Elasticsearch adds up exactly (see {@link MinorUnits}), so totals are exact at any size.
 */
final class TransactionTotals {

    static final String BY_TYPE = "byType";
    static final String BY_MONTH = "byMonth";
    private static final String BY_CURRENCY = "byCurrency";

    static final int MOST_CURRENCIES = 300;
    static final int MOST_TYPES = 20;
    /** Elasticsearch's default search.max_buckets: a search whose aggregations would answer more fails. */
    static final int MOST_BUCKETS = 65_536;

    private TransactionTotals() {
    }

    static Map<String, Aggregation> aggregations() {
        Aggregation byCurrency = Aggregation.of(a -> a
                .terms(t -> t.field("currency").size(MOST_CURRENCIES))
                .aggregations(TransactionDocument.SUM_LOW, s -> s.sum(sum -> sum.field(TransactionDocument.SUM_LOW)))
                .aggregations(TransactionDocument.SUM_MID, s -> s.sum(sum -> sum.field(TransactionDocument.SUM_MID)))
                .aggregations(TransactionDocument.SUM_HIGH, s -> s.sum(sum -> sum.field(TransactionDocument.SUM_HIGH))));
        return Map.of(
                BY_TYPE, Aggregation.of(a -> a
                        .terms(t -> t.field("type").size(MOST_TYPES))
                        .aggregations(BY_CURRENCY, byCurrency)),
                BY_MONTH, Aggregation.of(a -> a
                        .dateHistogram(h -> h.field("timestamp").calendarInterval(CalendarInterval.Month)
                                .format("yyyy-MM").timeZone("UTC").minDocCount(1))
                        .aggregations(BY_CURRENCY, byCurrency)));
    }

    static List<TransactionTotal> byType(Map<String, Aggregate> aggregations) {
        List<TransactionTotal> totals = new ArrayList<>();
        for (StringTermsBucket type : aggregations.get(BY_TYPE).sterms().buckets().array()) {
            for (StringTermsBucket currency : currencies(type.aggregations())) {
                totals.add(total(type.key().stringValue(), null, currency));
            }
        }
        return totals;
    }

    static List<TransactionTotal> byMonth(Map<String, Aggregate> aggregations) {
        List<TransactionTotal> totals = new ArrayList<>();
        aggregations.get(BY_MONTH).dateHistogram().buckets().array().forEach(month -> {
            for (StringTermsBucket currency : currencies(month.aggregations())) {
                totals.add(total(null, month.keyAsString(), currency));
            }
        });
        return totals;
    }

    private static List<StringTermsBucket> currencies(Map<String, Aggregate> aggregations) {
        return aggregations.get(BY_CURRENCY).sterms().buckets().array();
    }

    private static TransactionTotal total(String type, String month, StringTermsBucket currency) {
        String code = currency.key().stringValue();
        Map<String, Aggregate> sums = currency.aggregations();
        BigDecimal total = MinorUnits.total(sums.get(TransactionDocument.SUM_LOW).sum().value(),
                sums.get(TransactionDocument.SUM_MID).sum().value(), sums.get(TransactionDocument.SUM_HIGH).sum().value(),
                Currency.getInstance(code));
        return new TransactionTotal(type, month, code, currency.docCount(), total.toPlainString());
    }
}
