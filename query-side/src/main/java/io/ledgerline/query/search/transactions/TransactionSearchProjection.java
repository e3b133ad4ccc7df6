package io.ledgerline.query.search.transactions;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.search.DocumentPerEventProjection;
import io.ledgerline.query.search.SearchConsumerGroups;
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
class TransactionSearchProjection extends DocumentPerEventProjection {

    private final LedgerEventReader reader;

    TransactionSearchProjection(LedgerEventReader reader, TransactionSearchIndex index, SearchWrites writes) {
        super(SearchConsumerGroups.TRANSACTIONS, index, writes);
        this.reader = reader;
    }

    @KafkaListener(id = SearchConsumerGroups.TRANSACTIONS, topics = LedgerHeaders.TOPIC, batch = "true",
            properties = {SearchConsumerGroups.FETCH_MIN_BYTES, SearchConsumerGroups.FETCH_MAX_WAIT,
                    SearchConsumerGroups.MAX_POLL_RECORDS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        applyPoll(records);
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) throws IOException {
        Optional<TransactionDocument> line = StatementLines.of(reader.read(record));
        if (line.isPresent()) {
            create(line.get().id(), line.get());
        }
    }
}
