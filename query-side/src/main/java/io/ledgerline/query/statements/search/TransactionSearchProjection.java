package io.ledgerline.query.statements.search;

import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.DocumentPerEventProjection;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.accounts.BookingTextOwners;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the transactions index. A line is created once under the id of its account and sequence;
 * a redelivered event finds it there and changes nothing. Its free text is indexed opened, and
 * masked once the customer whose key sealed it is erased (see {@link TransactionTextErasure}); text
 * stored before sealing, once the account's owner is (see {@link BookingTextOwners}).
 */
@Component
class TransactionSearchProjection extends DocumentPerEventProjection {

    private final LedgerEventReader reader;
    private final TransactionSearchIndex index;
    private final StatementLineDocuments lines;
    private final TransactionTextErasure erasure;
    private final BookingTextOwners holders;

    TransactionSearchProjection(LedgerEventReader reader, TransactionSearchIndex index, SearchWrites writes,
            BookingTexts texts, TransactionTextErasure erasure, BookingTextOwners holders) {
        super(SearchConsumerGroups.TRANSACTIONS, index, writes);
        this.reader = reader;
        this.index = index;
        this.lines = new StatementLineDocuments(texts, holders);
        this.erasure = erasure;
        this.holders = holders;
    }

    @KafkaListener(id = SearchConsumerGroups.TRANSACTIONS, topics = LedgerHeaders.TOPIC, batch = "true",
            properties = {SearchConsumerGroups.FETCH_MIN_BYTES, SearchConsumerGroups.FETCH_MAX_WAIT,
                    SearchConsumerGroups.MAX_POLL_RECORDS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        applyPoll(records);
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record, SearchBatch batch) throws IOException {
        ReceivedEvent event = reader.read(record);
        holders.remember(event.payload());
        if (event.payload() instanceof CustomerErased erased) {
            // the search for the customer's lines must see those this batch still holds back
            batch.flush();
            erasure.mask(erased.customerId().value(), batch);
            return;
        }
        Optional<StatementLineDocuments.Line> line = lines.of(event);
        if (line.isEmpty()) {
            return;
        }
        batch.documents(TransactionLines.class, this::newLines).add(line.get());
    }

    private TransactionLines newLines() {
        return new TransactionLines(index, erasure);
    }
}
