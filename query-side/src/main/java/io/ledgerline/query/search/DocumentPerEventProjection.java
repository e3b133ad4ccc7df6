package io.ledgerline.query.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.query.projection.LiveBatchGate;
import io.ledgerline.query.projection.RecordSpans;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection that creates at most one document per event into one index and never reads what it
 * wrote, so a poll, and a rebuild's batch, goes to Elasticsearch in one bulk request. A document is
 * created once under its id; a redelivered event finds it there and changes nothing.
 */
public abstract class DocumentPerEventProjection implements SearchReadModel {

    private final String name;
    private final SearchIndex index;
    private final SearchWrites writes;

    /** Set by Spring; a projection built by hand handles its records without spans. */
    private RecordSpans spans = RecordSpans.NONE;
    // set by Spring; only the live listener's polls pass it
    private LiveBatchGate gate;

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

    @Autowired
    void traceRecordsWith(RecordSpans recordSpans) {
        this.spans = recordSpans;
    }

    @Autowired
    void keepApartFromTakeOversWith(LiveBatchGate liveBatchGate) {
        this.gate = liveBatchGate;
    }

    /** For the subclass's listener, whose id has to be a constant of its own. */
    protected void applyPoll(List<ConsumerRecord<String, byte[]>> records) {
        gate.applyLive(name, records, this::apply);
    }

    /** Applies the records with one batch of writes, sent in one bulk request at the end. */
    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        SearchBatch batch = writes.batch();
        RecordSpans.Batch traced = spans.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            traced.handle(name(), record, () -> apply(record, batch));
        }
        traced.write(name() + " elasticsearch bulk", batch::flush);
    }

    /** Applies one record; its writes go into the batch, which the subclass flushes first where a read must see them. */
    protected abstract void apply(ConsumerRecord<String, byte[]> record, SearchBatch batch) throws IOException;

    protected void create(String id, Object document, SearchBatch batch) {
        index.ensureExists();
        batch.write(BulkOperation.of(op -> op.create(c -> c.index(index.target()).id(id).document(document))));
    }
}
