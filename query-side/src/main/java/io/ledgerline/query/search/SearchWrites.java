package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    // a rebuild sends the writes of a whole batch of events in one request
    private final ThreadLocal<List<BulkOperation>> deferred = new ThreadLocal<>();

    SearchWrites(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Returns false when Elasticsearch refused the write as a conflict: the change was already
     * applied. While the current thread defers its writes, the write is only queued and counts as
     * applied; {@link #flush()} sends it.
     */
    public boolean write(BulkOperation operation) throws IOException {
        List<BulkOperation> queue = deferred.get();
        if (queue != null) {
            queue.add(operation);
            return true;
        }
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

    /**
     * Queues the current thread's writes until {@link #flush()}, dropping any still queued from an
     * attempt that failed; only for writes that no read of the same thread awaits.
     */
    public void deferOnCurrentThread() {
        deferred.set(new ArrayList<>());
    }

    public void stopDeferring() {
        deferred.remove();
    }

    /** Sends the current thread's queued writes in one request; conflicts mean already applied, anything else throws. */
    public void flush() throws IOException {
        List<BulkOperation> queue = deferred.get();
        if (queue == null || queue.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = List.copyOf(queue);
        queue.clear();
        BulkResponse response = client.bulk(b -> b.operations(operations));
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != CONFLICT) {
                throw new SearchWriteFailed(item.id(), item.status(), item.error().reason());
            }
        }
    }
}
