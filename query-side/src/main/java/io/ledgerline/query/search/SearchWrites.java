package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Writes documents through the bulk API, which reports each item's outcome instead of throwing. A
 * version conflict means the index already holds this change or a newer one; any other refusal
 * throws, so that the event is tried again or parked rather than skipped.
 */
@Component
public class SearchWrites {

    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;

    SearchWrites(ElasticsearchClient client) {
        this.client = client;
    }

    /** Returns false when Elasticsearch refused the write as a conflict: the change was already applied. */
    public boolean write(BulkOperation operation) throws IOException {
        BulkResponse response = client.bulk(b -> b.operations(operation));
        BulkResponseItem item = response.items().get(0);
        if (item.error() == null) {
            return true;
        }
        if (item.status() == CONFLICT) {
            return false;
        }
        throw new SearchWriteFailed(item.id(), item.status(), item.error().reason());
    }
}
