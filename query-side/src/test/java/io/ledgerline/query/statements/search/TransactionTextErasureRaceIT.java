package io.ledgerline.query.statements.search;

import static io.ledgerline.query.LedgerEventsFixture.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.PersonalData;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
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
    @Autowired
    BookingTextOwners holders;

    @Test
    void aLineOpenedBeforeTheErasureAndWrittenAfterItIsMasked() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        MoneyDeposited deposit = keys.deposited(account, owner, money("10.00 EUR"), money("10.00 EUR"), "Salary Erin",
                "INV-1", "PAY-1");
        // the other node has opened the text with the key
        StatementLineDocuments.Line opened = lineOf(deposit);
        assertThat(opened.document().description()).isEqualTo("Salary Erin");

        // the erasure deletes the key and is projected here, before the line is in the index
        keys.shred(owner);
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        TransactionLines otherNode = new TransactionLines(index, erasure);
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.document().id()),
                TransactionDocument.class)
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
        StatementLineDocuments.Line opened = lineOf(deposit);

        TransactionLines lines = new TransactionLines(index, erasure);
        lines.add(opened);
        writes.writeAll(lines);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.document().id()),
                TransactionDocument.class)
                .source();
        assertThat(indexed.description()).isEqualTo("Rent");
        assertThat(indexed.reference()).isNull();
    }

    /** Text stored before sealing has no key whose deletion could tell; the owner's erasure in the customers index does. */
    @Test
    void aLineOfTextStoredBeforeSealingWrittenAfterItsAccountOwnersErasureIsMasked() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        holders.remember(new AccountOpened(account, owner, Currency.getInstance("EUR"), money("0.00 EUR")));
        StatementLineDocuments.Line opened = lineOf(new MoneyDeposited(account, null, money("10.00 EUR"), money("10.00 EUR"),
                PersonalData.unsealed("Legacy Erin"), null, PersonalData.unsealed("OLD-1")));
        assertThat(opened.textBeforeSealing()).isTrue();
        assertThat(opened.document().textOwner()).isEqualTo(owner.value());
        assertThat(opened.document().description()).isEqualTo("Legacy Erin");

        // the erasure reaches the customers index and is projected here, before the line is in the index
        ledger.erase(owner);
        await().atMost(Duration.ofSeconds(30)).until(() -> holders.isErased(owner.value()));
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        TransactionLines otherNode = new TransactionLines(index, erasure);
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.document().id()),
                TransactionDocument.class).source();
        assertThat(indexed.description()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.reference()).isNull();
        assertThat(indexed.externalReference()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.textOwner()).isEqualTo(owner.value());
    }

    /** A customer from before sealing may have no key at all without being erased: their text stays. */
    @Test
    void aLineOfTextStoredBeforeSealingOfAnOwnerWithoutAKeyKeepsItsText() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        holders.remember(new AccountOpened(account, owner, Currency.getInstance("EUR"), money("0.00 EUR")));
        StatementLineDocuments.Line opened = lineOf(new MoneyDeposited(account, null, money("10.00 EUR"), money("10.00 EUR"),
                PersonalData.unsealed("Legacy Rent"), null, null));

        TransactionLines lines = new TransactionLines(index, erasure);
        lines.add(opened);
        writes.writeAll(lines);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.document().id()),
                TransactionDocument.class).source();
        assertThat(indexed.description()).isEqualTo("Legacy Rent");
        assertThat(indexed.textOwner()).isEqualTo(owner.value());
    }

    private StatementLineDocuments.Line lineOf(MoneyDeposited deposit) throws Exception {
        return new StatementLineDocuments(texts, holders).of(new ReceivedEvent(UUID.randomUUID().toString(),
                "MoneyDeposited", "Account", deposit.accountId().value(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), Map.of(),
                deposit)).orElseThrow();
    }
}
