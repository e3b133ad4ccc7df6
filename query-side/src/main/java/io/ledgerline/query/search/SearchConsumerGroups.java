package io.ledgerline.query.search;

/**
 * The Kafka consumer groups of the Elasticsearch projections, one per index, so that each index
 * keeps its own position in ledger.events and can be rebuilt or watched on its own.
 */
public final class SearchConsumerGroups {

    public static final String ACCOUNTS = "ledgerline-query-search-accounts";
    public static final String TRANSACTIONS = "ledgerline-query-search-transactions";
    public static final String AUDIT = "ledgerline-query-search-audit";

    private SearchConsumerGroups() {
    }

    public static java.util.List<String> all() {
        return java.util.List.of(ACCOUNTS, TRANSACTIONS, AUDIT);
    }
}
