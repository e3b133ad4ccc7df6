package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The writes of one batch of events (a live poll, or a rebuild's transaction), held back and sent
 * in one bulk request when the batch is flushed. A projection gets it passed with its records and
 * hands it to whatever writes on its behalf.
 */
public final class SearchBatch {

    private final SearchWrites writes;
    private final List<BulkOperation> operations = new ArrayList<>();
    private final Map<Class<?>, DeferredDocuments> documents = new LinkedHashMap<>();
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();

    SearchBatch(SearchWrites writes) {
        this.writes = writes;
    }

    /** Queues the write until {@link #flush()}; only for writes that nothing in the batch reads back before. */
    public void write(BulkOperation operation) {
        operations.add(operation);
    }

    /** The batch's deferred documents of the given kind, created on first use. */
    public <T extends DeferredDocuments> T documents(Class<T> kind, Supplier<T> create) {
        return kind.cast(documents.computeIfAbsent(kind, k -> create.get()));
    }

    /**
     * What the batch's events share while they are applied, of the given kind, created on first use
     * and dropped with the batch: the batch's texts opened with one key lookup per customer.
     */
    public <T> T shared(Class<T> kind, Supplier<T> create) {
        return kind.cast(shared.computeIfAbsent(kind, k -> create.get()));
    }

    /**
     * Sends the queued writes in one request, then runs the documents' {@code written()} hooks;
     * conflicts mean already applied, anything else throws. The batch is empty afterwards, also
     * when the request failed: its events are applied again from the start.
     */
    public void flush() throws IOException {
        List<BulkOperation> sending = new ArrayList<>(operations);
        List<DeferredDocuments> held = List.copyOf(documents.values());
        operations.clear();
        documents.clear();
        for (DeferredDocuments document : held) {
            sending.addAll(document.operations());
        }
        writes.send(sending);
        for (DeferredDocuments document : held) {
            document.written();
        }
    }
}
