package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.query.parking.RecordBatches;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A projection that creates at most one document per event into one index and never reads what it
 * wrote, so a poll, and a rebuild's batch, goes to Elasticsearch in one bulk request. A document is
 * created once under its id; a redelivered event finds it there and changes nothing.
 */
public abstract class DocumentPerEventProjection implements SearchReadModel {

    private final String name;
    private final SearchIndex index;
    private final SearchWrites writes;

    protected DocumentPerEventProjection(String name, SearchIndex index, SearchWrites writes) {
        this.name = name;
        this.index = index;
        this.writes = writes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SearchIndex> indices() {
        return List.of(index);
    }

    @Override
    public boolean writesIndependently() {
        return true;
    }

    /** For the subclass's listener, whose id has to be a constant of its own. */
    protected void applyPoll(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatches.apply(records, batch -> writes.applyTogether(batch, this));
    }

    protected void create(String id, Object document) throws IOException {
        index.ensureExists();
        writes.write(BulkOperation.of(op -> op.create(c -> c.index(index.target()).id(id).document(document))));
    }

    /** Sends what this thread holds back, for a read that has to see it. */
    protected void flushWrites() throws IOException {
        writes.flush();
    }
}
