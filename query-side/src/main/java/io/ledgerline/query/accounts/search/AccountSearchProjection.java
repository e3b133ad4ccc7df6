package io.ledgerline.query.accounts.search;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.LiveBatchGate;
import io.ledgerline.query.projection.RecordSpans;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchReadModel;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the accounts index, and the customers index it takes owner names and emails from. The
 * events of a poll (or of a rebuild's transaction) are applied together; see {@link AccountSearchBatch}.
 */
@Component
class AccountSearchProjection implements SearchReadModel {

    private final LedgerEventReader reader;
    private final RecordSpans spans;
    private final LiveBatchGate gate;
    private final SearchWrites writes;
    private final AccountSearchIndex accountIndex;
    private final CustomerSearchIndex customerIndex;
    private final StoredDocuments stored;
    private final AccountOwnerCopies owners;
    private final PersonalDataOpener opener;
    private final List<SearchIndex> indices;

    AccountSearchProjection(LedgerEventReader reader, SearchWrites writes, AccountSearchIndex accountIndex,
            CustomerSearchIndex customerIndex, StoredDocuments stored, AccountOwnerCopies owners,
            PersonalDataOpener opener, RecordSpans spans, LiveBatchGate gate) {
        this.spans = spans;
        this.gate = gate;
        this.reader = reader;
        this.writes = writes;
        this.accountIndex = accountIndex;
        this.customerIndex = customerIndex;
        this.stored = stored;
        this.owners = owners;
        this.opener = opener;
        this.indices = List.of(accountIndex, customerIndex);
    }

    @Override
    public String name() {
        return SearchConsumerGroups.ACCOUNTS;
    }

    @Override
    public List<SearchIndex> indices() {
        return indices;
    }

    @KafkaListener(id = SearchConsumerGroups.ACCOUNTS, topics = LedgerHeaders.TOPIC, batch = "true",
            properties = {SearchConsumerGroups.FETCH_MIN_BYTES, SearchConsumerGroups.FETCH_MAX_WAIT,
                    SearchConsumerGroups.MAX_POLL_RECORDS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        gate.applyLive(name(), records, this::apply);
    }

    /** Reads the index once per batch, before applying it, and never waits for its own writes. */
    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        AccountSearchBatch[] batch = {null};
        RecordSpans.Batch traced = spans.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            traced.handle(SearchConsumerGroups.ACCOUNTS, record, () -> {
                ReceivedEvent event = reader.read(record);
                if (AccountSearchBatch.concerns(event)) {
                    batch[0] = batch[0] == null ? newBatch() : batch[0];
                    batch[0].add(event);
                }
            });
        }
        if (batch[0] != null) {
            // shared by all records of the poll: a span of it in each record's trace
            traced.write(SearchConsumerGroups.ACCOUNTS + " elasticsearch bulk", () -> writes.writeAll(batch[0]));
        }
    }

    private AccountSearchBatch newBatch() {
        return new AccountSearchBatch(accountIndex, customerIndex, stored, owners, opener);
    }
}
