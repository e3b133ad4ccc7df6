package io.ledgerline.query.search.transactions;

import static io.ledgerline.query.LedgerEventsFixture.money;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two query nodes: one opens a deposit's text while the owner's key still exists, the other
 * projects the owner's erasure, and only then does the first write its line. On the real
 * Elasticsearch server the line must not keep the text.
 */
class TransactionTextErasureRaceIT extends QuerySideIT {

    @Autowired
    TransactionSearchProjection projection;
    @Autowired
    TransactionSearchIndex index;
    @Autowired
    TransactionTextErasure erasure;
    @Autowired
    SearchWrites writes;
    @Autowired
    BookingTexts texts;
    @Autowired
    ElasticsearchClient client;

    @Test
    void aLineOpenedBeforeTheErasureAndWrittenAfterItIsMasked() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        MoneyDeposited deposit = keys.deposited(account, owner, money("10.00 EUR"), money("10.00 EUR"), "Salary Erin",
                "INV-1", "PAY-1");
        // the other node has opened the text with the key
        TransactionDocument opened = new StatementLines(texts).of(new ReceivedEvent(UUID.randomUUID().toString(),
                "MoneyDeposited", account.value(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), Map.of(), deposit))
                .orElseThrow();
        assertThat(opened.description()).isEqualTo("Salary Erin");

        // the erasure deletes the key and is projected here, before the line is in the index
        keys.shred(owner);
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        TransactionLines otherNode = new TransactionLines(index, erasure);
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()), TransactionDocument.class)
                .source();
        assertThat(indexed.description()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.reference()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.externalReference()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.textOwner()).isEqualTo(owner.value());
    }

    @Test
    void aLineWrittenWhileItsOwnersKeyExistsKeepsItsText() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        MoneyDeposited deposit = keys.deposited(account, owner, money("10.00 EUR"), money("10.00 EUR"), "Rent",
                null, null);
        TransactionDocument opened = new StatementLines(texts).of(new ReceivedEvent(UUID.randomUUID().toString(),
                "MoneyDeposited", account.value(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), Map.of(), deposit))
                .orElseThrow();

        TransactionLines lines = new TransactionLines(index, erasure);
        lines.add(opened);
        writes.writeAll(lines);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()), TransactionDocument.class)
                .source();
        assertThat(indexed.description()).isEqualTo("Rent");
        assertThat(indexed.reference()).isNull();
    }
}
