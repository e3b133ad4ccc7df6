package io.ledgerline.query.statements.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.DocumentPerEventProjection;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.statements.StatementEntry;
import io.ledgerline.query.statements.StatementTransferDocument;
import io.ledgerline.query.statements.StatementTransfers;
import io.ledgerline.query.statements.TransferParticulars;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the transactions index, one line per money movement as {@link StatementEntry} maps it, and
 * beside it the transfers' particulars, which a transfer's lines show (see {@link TransactionLines}).
 * A line is created once under the id of its account and sequence; a redelivered event finds it
 * there and changes nothing. Its free text is indexed opened, and masked once the customer whose key
 * sealed it is erased (see {@link TransactionTextErasure}); text stored before sealing, once the
 * account's owner is (for a transfer, the source account's; see {@link BookingTextOwners}).
 */
@Component
class TransactionSearchProjection extends DocumentPerEventProjection {

    private final LedgerEventReader reader;
    private final TransactionSearchIndex index;
    private final SearchWrites writes;
    private final BookingTexts texts;
    private final TransactionTextErasure erasure;
    private final BookingTextOwners holders;
    private final StatementTransfers transfers;
    private final ElasticsearchClient client;

    TransactionSearchProjection(LedgerEventReader reader, TransactionSearchIndex index, SearchWrites writes,
            BookingTexts texts, TransactionTextErasure erasure, BookingTextOwners holders, StatementTransfers transfers,
            ElasticsearchClient client) {
        super(SearchConsumerGroups.TRANSACTIONS, index, writes);
        this.reader = reader;
        this.index = index;
        this.writes = writes;
        this.texts = texts;
        this.erasure = erasure;
        this.holders = holders;
        this.transfers = transfers;
        this.client = client;
    }

    @KafkaListener(id = SearchConsumerGroups.TRANSACTIONS, topics = LedgerHeaders.TOPIC, batch = "true",
            properties = {SearchConsumerGroups.FETCH_MIN_BYTES, SearchConsumerGroups.FETCH_MAX_WAIT,
                    SearchConsumerGroups.MAX_POLL_RECORDS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        applyPoll(records);
    }

    @Override
    public List<SearchIndex> indices() {
        return List.of(index, transfers.index());
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
        BookingTexts batchTexts = textsOf(batch);
        Optional<TransferParticulars> requested = TransferParticulars.of(event.payload(), batchTexts);
        if (requested.isPresent()) {
            StatementTransferDocument transfer = transferOf(requested.get());
            lines(batch).add(transfer);
            return;
        }
        Optional<TransactionDocument> line = lineOf(event, batchTexts);
        if (line.isPresent()) {
            lines(batch).add(line.get());
        }
    }

    /** The batch's texts, each customer's key looked up once for all its events. */
    private BookingTexts textsOf(SearchBatch batch) {
        return batch.shared(BookingTexts.class, texts::forOneBatch);
    }

    /** The line of an event that moves money, with its transfer's particulars if they are indexed already. */
    Optional<TransactionDocument> lineOf(ReceivedEvent event) throws IOException {
        return lineOf(event, texts);
    }

    private Optional<TransactionDocument> lineOf(ReceivedEvent event, BookingTexts opening) throws IOException {
        Optional<StatementEntry> entry = StatementEntry.of(event, opening);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        StatementEntry found = entry.get();
        if (found.isTransferLine()) {
            return Optional.of(TransactionDocument.of(found, false,
                    Optional.ofNullable(transfers.find(List.of(found.transferId())).get(found.transferId()))));
        }
        BookingText text = found.text();
        return Optional.of(TransactionDocument.of(found.withText(holders.withOwner(found.accountId(), text)),
                text.showsTextBeforeSealing(), Optional.empty()));
    }

    /** A transfer's particulars; text from before sealing is the source account's owner's. */
    StatementTransferDocument transferOf(TransferParticulars requested) throws IOException {
        BookingText text = requested.text();
        return StatementTransferDocument.of(
                requested.withText(holders.withOwner(requested.sourceAccountId(), text)), text.showsTextBeforeSealing());
    }

    private TransactionLines lines(SearchBatch batch) {
        return batch.documents(TransactionLines.class, this::newLines);
    }

    TransactionLines newLines() {
        return new TransactionLines(index, erasure, transfers, client, writes);
    }
}
