package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes documents through the bulk API, which reports each item's outcome instead of throwing. A
 * version conflict means the index already holds this change or a newer one; any other refusal
 * throws, so that the event is tried again or parked rather than skipped.
 *
 * <p>A projection applies a batch of events (a live poll or a rebuild's transaction) with a
 * {@link SearchBatch}, which holds its writes back and sends them all in one request.
 */
@Component
public class SearchWrites {

    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;

    SearchWrites(ElasticsearchClient client) {
        this.client = client;
    }

    /** A new, empty batch of writes. */
    public SearchBatch batch() {
        return new SearchBatch(this);
    }

    /**
     * Sends the write at once, for work that must read it back. Returns false when Elasticsearch
     * refused it as a conflict: the change was already applied.
     */
    public boolean writeNow(BulkOperation operation) throws IOException {
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

    /** Writes deferred documents at once, outside any batch. */
    public void writeAll(DeferredDocuments documents) throws IOException {
        send(documents.operations());
        documents.written();
    }

    void send(List<BulkOperation> operations) throws IOException {
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != CONFLICT) {
                throw new SearchWriteFailed(item.id(), item.status(), item.error().reason());
            }
        }
    }
}
