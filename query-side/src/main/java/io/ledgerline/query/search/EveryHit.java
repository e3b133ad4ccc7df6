package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;

/**
 * Reads every hit of a query, page after page with {@code search_after}: a customer's documents are
 * not bounded by the size of one answer, and an erasure must reach all of them.
 */
public final class EveryHit {

    private static final int PAGE_SIZE = 500;

    private EveryHit() {
    }

    /** What is done with each hit; may write. */
    @FunctionalInterface
    public interface Action<T> {
        void on(Hit<T> hit) throws IOException;
    }

    /** @param sortFields fields that order the hits uniquely, so that no page skips or repeats one */
    public static <T> void of(ElasticsearchClient client, String index, Query query, List<String> sortFields,
            Class<T> type, Action<T> action) throws IOException {
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<T> page = client.search(s -> {
                s.index(index).size(PAGE_SIZE).query(query);
                sortFields.forEach(field -> s.sort(o -> o.field(f -> f.field(field))));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, type);
            List<Hit<T>> hits = page.hits().hits();
            for (Hit<T> hit : hits) {
                action.on(hit);
            }
            if (hits.size() < PAGE_SIZE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
