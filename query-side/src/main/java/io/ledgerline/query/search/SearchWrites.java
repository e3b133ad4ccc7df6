package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.ledgerline.query.projection.ReplayableProjection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Writes documents through the bulk API, which reports each item's outcome instead of throwing. A
 * version conflict means the index already holds this change or a newer one; any other refusal
 * throws, so that the event is tried again or parked rather than skipped.
 *
 * <p>A thread that applies a batch of events (a live poll or a rebuild's transaction) defers its
 * writes and sends them all in one request when it flushes.
 */
@Component
public class SearchWrites {

    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final ThreadLocal<Batch> deferred = new ThreadLocal<>();

    SearchWrites(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Returns false when Elasticsearch refused the write as a conflict: the change was already
     * applied. While the current thread defers its writes, the write is only queued and counts as
     * applied; {@link #flush()} sends it.
     */
    public boolean write(BulkOperation operation) throws IOException {
        Batch batch = deferred.get();
        if (batch != null) {
            batch.operations.add(operation);
            return true;
        }
        return writeNow(operation);
    }

    /** Sends the write at once, also while the thread defers: for work that must read it back. */
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

    /**
     * The current thread's deferred documents of the given kind, created on first use; empty when
     * the thread does not defer its writes.
     */
    public <T extends DeferredDocuments> Optional<T> deferred(Class<T> kind, Supplier<T> create) {
        Batch batch = deferred.get();
        if (batch == null) {
            return Optional.empty();
        }
        return Optional.of(kind.cast(batch.documents.computeIfAbsent(kind, k -> create.get())));
    }

    /** Writes deferred documents at once, for a thread that does not defer. */
    public void writeAll(DeferredDocuments documents) throws IOException {
        send(documents.operations());
        documents.written();
    }

    /**
     * Queues the current thread's writes until {@link #flush()}, dropping any still queued from an
     * attempt that failed; only for writes that no read of the same thread awaits.
     */
    public void deferOnCurrentThread() {
        deferred.set(new Batch());
    }

    public void stopDeferring() {
        deferred.remove();
    }

    /** Applies the records with their writes deferred, and sends the writes of all of them in one request. */
    public void applyTogether(List<ConsumerRecord<String, byte[]>> records, ReplayableProjection projection)
            throws IOException {
        deferOnCurrentThread();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                projection.replay(record);
            }
            flush();
        } finally {
            stopDeferring();
        }
    }

    /** Sends the current thread's queued writes in one request; conflicts mean already applied, anything else throws. */
    public void flush() throws IOException {
        Batch batch = deferred.get();
        if (batch == null) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(batch.operations);
        List<DeferredDocuments> documents = List.copyOf(batch.documents.values());
        // a failed flush leaves nothing queued: the batch is applied again from its events
        batch.operations.clear();
        batch.documents.clear();
        for (DeferredDocuments document : documents) {
            operations.addAll(document.operations());
        }
        send(operations);
        for (DeferredDocuments document : documents) {
            document.written();
        }
    }

    private void send(List<BulkOperation> operations) throws IOException {
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

    private static final class Batch {

        private final List<BulkOperation> operations = new ArrayList<>();
        private final Map<Class<?>, DeferredDocuments> documents = new LinkedHashMap<>();
    }
}
