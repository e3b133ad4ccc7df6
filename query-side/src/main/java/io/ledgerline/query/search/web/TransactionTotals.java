package io.ledgerline.query.search.web;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.ledgerline.query.search.MinorUnits;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Totals of matching lines per type and per month, each split by currency: amounts of different
 * currencies are never added up. Sums run over whole minor units, so they are exact.
 */
final class TransactionTotals {

    static final String BY_TYPE = "byType";
    static final String BY_MONTH = "byMonth";
    private static final String BY_CURRENCY = "byCurrency";
    private static final String SUM = "amountMinor";
    private static final int MOST_CURRENCIES = 300;
    private static final int MOST_TYPES = 20;

    private TransactionTotals() {
    }

    static Map<String, Aggregation> aggregations() {
        Aggregation byCurrency = Aggregation.of(a -> a
                .terms(t -> t.field("currency").size(MOST_CURRENCIES))
                .aggregations(SUM, s -> s.sum(sum -> sum.field("amountMinor"))));
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
        long minorUnits = MinorUnits.fromSum(currency.aggregations().get(SUM).sum().value());
        return new TransactionTotal(type, month, code, currency.docCount(),
                MinorUnits.decimal(minorUnits, Currency.getInstance(code)));
    }
}
