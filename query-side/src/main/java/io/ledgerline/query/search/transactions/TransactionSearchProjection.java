package io.ledgerline.query.search.transactions;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.parking.RecordBatches;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchReadModel;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the transactions index. A line is created once under the id of its account and sequence;
 * a redelivered event finds it there and changes nothing.
 */
@Component
class TransactionSearchProjection implements SearchReadModel {

    private final LedgerEventReader reader;
    private final TransactionSearchIndex index;
    private final SearchWrites writes;

    TransactionSearchProjection(LedgerEventReader reader, TransactionSearchIndex index, SearchWrites writes) {
        this.reader = reader;
        this.index = index;
        this.writes = writes;
    }

    @Override
    public String name() {
        return SearchConsumerGroups.TRANSACTIONS;
    }

    @Override
    public List<SearchIndex> indices() {
        return List.of(index);
    }

    @Override
    public boolean writesIndependently() {
        return true;
    }

    /** A poll's documents go to Elasticsearch in one bulk request. */
    @KafkaListener(id = SearchConsumerGroups.TRANSACTIONS, topics = LedgerHeaders.TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatches.apply(records, batch -> writes.applyTogether(batch, this));
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) throws IOException {
        Optional<TransactionDocument> line = StatementLines.of(reader.read(record));
        if (line.isEmpty()) {
            return;
        }
        index.ensureExists();
        writes.write(BulkOperation.of(op -> op.create(c -> c
                .index(index.target())
                .id(line.get().id())
                .document(line.get()))));
    }
}
