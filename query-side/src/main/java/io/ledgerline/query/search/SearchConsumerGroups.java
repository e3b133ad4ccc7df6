package io.ledgerline.query.search;

import java.util.List;

/**
 * The Kafka consumer groups of the Elasticsearch projections, one per index, so that each index
 * keeps its own position in ledger.events and can be rebuilt or watched on its own.
 */
public final class SearchConsumerGroups {

    public static final String ACCOUNTS = "ledgerline-query-search-accounts";
    public static final String TRANSACTIONS = "ledgerline-query-search-transactions";
    public static final String AUDIT = "ledgerline-query-search-audit";

    /**
     * Consumer settings of the search projections. Each poll becomes one bulk request, and what an
     * Elasticsearch write costs is mostly per request, not per document: under load the broker
     * waits up to 100 ms for 64 KB (about 60 events) instead of answering with the first few, and a
     * catch-up takes 500 records a poll. The wait is small next to the index refresh interval, so
     * searches see an event about as soon as before.
     */
    public static final String FETCH_MIN_BYTES = "fetch.min.bytes=65536";
    public static final String FETCH_MAX_WAIT = "fetch.max.wait.ms=100";
    public static final String MAX_POLL_RECORDS = "max.poll.records=500";

    private SearchConsumerGroups() {
    }

    public static List<String> all() {
        return List.of(ACCOUNTS, TRANSACTIONS, AUDIT);
    }
}
