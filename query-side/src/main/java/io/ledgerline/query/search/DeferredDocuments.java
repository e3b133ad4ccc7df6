package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.List;

/**
 * Documents a projection changes over a whole batch of events and writes once, when the batch is
 * flushed: a document touched by many events of the batch is sent once, at its last version.
 */
public interface DeferredDocuments {

    /** The writes that bring the index up to every event collected since the last flush. */
    List<BulkOperation> operations() throws IOException;

    /** Runs after those writes reached the index, for work that must see them. */
    void written() throws IOException;
}
