package io.ledgerline.query.reconciliation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The accounts as the {@code accounts} index holds them. A document's external version is the
 * sequence of its account's last event plus one.
 */
class SearchBalances {

    /** The accounts feature's alias (ACCOUNTS, an internal part of that feature). */
    private static final String ACCOUNTS = "accounts";
    private static final int PAGE_SIZE = 500;
    private static final List<String> FIELDS = List.of("accountId", "currency", "balance");

    private final ElasticsearchClient client;

    SearchBalances(ElasticsearchClient client) {
        this.client = client;
    }

    /** The fields reconciliation reads; the documents' other fields are not fetched. */
    record IndexedBalance(String accountId, String currency, String balance) {
    }

    /** Every account, page after page in the order of their ids' bytes (a keyword sorts so). */
    Pages all() {
        return new Pages();
    }

    /** Reads the document in real time, not as the last refresh left it. */
    Optional<AccountBalance> one(String accountId) throws IOException {
        GetResponse<IndexedBalance> found;
        try {
            found = client.get(g -> g.index(ACCOUNTS).id(accountId).sourceIncludes(FIELDS), IndexedBalance.class);
        } catch (ElasticsearchException e) {
            // a fresh node creates the index with its first account: until then there is no account indexed
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (!found.found() || found.source() == null || found.version() == null) {
            return Optional.empty();
        }
        return Optional.of(balance(found.source(), found.version()));
    }

    private static AccountBalance balance(IndexedBalance document, long externalVersion) {
        return new AccountBalance(document.accountId(), document.currency(), externalVersion - 1,
                new BigDecimal(document.balance()));
    }

    /** The index read with search_after, one page held at a time. */
    final class Pages {

        private final Deque<AccountBalance> page = new ArrayDeque<>();
        private List<FieldValue> after = List.of();
        private boolean exhausted;

        AccountBalance peek() throws IOException {
            while (page.isEmpty() && !exhausted) {
                fetch();
            }
            return page.peekFirst();
        }

        AccountBalance take() throws IOException {
            peek();
            return page.removeFirst();
        }

        private void fetch() throws IOException {
            List<FieldValue> searchAfter = after;
            SearchResponse<IndexedBalance> answer = client.search(s -> {
                // a fresh node creates the index with its first account: until then no account is indexed
                s.index(ACCOUNTS).ignoreUnavailable(true).allowNoIndices(true).size(PAGE_SIZE).version(true).source(src -> src.filter(f -> f.includes(FIELDS)))
                        .sort(o -> o.field(f -> f.field("accountId")));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, IndexedBalance.class);
            List<Hit<IndexedBalance>> hits = answer.hits().hits();
            for (Hit<IndexedBalance> hit : hits) {
                if (hit.source() != null && hit.version() != null) {
                    page.addLast(balance(hit.source(), hit.version()));
                }
            }
            if (hits.size() < PAGE_SIZE) {
                exhausted = true;
            } else {
                after = hits.get(hits.size() - 1).sort();
            }
        }
    }
}
