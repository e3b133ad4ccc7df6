package io.ledgerline.query.statements.search;

import static io.ledgerline.query.LedgerEventsFixture.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.statements.StatementTransferDocument;
import io.ledgerline.query.statements.StatementTransferIndex;
import io.ledgerline.query.statements.TransferParticulars;
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
        TransactionDocument opened = lineOf(deposit);
        assertThat(opened.description()).isEqualTo("Salary Erin");

        // the erasure deletes the key and is projected here, before the line is in the index
        keys.shred(owner);
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        TransactionLines otherNode = projection.newLines();
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()),
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
        TransactionDocument opened = lineOf(deposit);

        TransactionLines lines = projection.newLines();
        lines.add(opened);
        writes.writeAll(lines);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()),
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
        TransactionDocument opened = lineOf(new MoneyDeposited(account, null, money("10.00 EUR"), money("10.00 EUR"),
                PersonalData.unsealed("Legacy Erin"), null, PersonalData.unsealed("OLD-1")));
        assertThat(opened.showsTextBeforeSealing()).isTrue();
        assertThat(opened.textOwner()).isEqualTo(owner.value());
        assertThat(opened.description()).isEqualTo("Legacy Erin");

        // the erasure reaches the customers index and is projected here, before the line is in the index
        ledger.erase(owner);
        await().atMost(Duration.ofSeconds(30)).until(() -> holders.isErased(owner.value()));
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        TransactionLines otherNode = projection.newLines();
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()),
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
        TransactionDocument opened = lineOf(new MoneyDeposited(account, null, money("10.00 EUR"), money("10.00 EUR"),
                PersonalData.unsealed("Legacy Rent"), null, null));

        TransactionLines lines = projection.newLines();
        lines.add(opened);
        writes.writeAll(lines);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()),
                TransactionDocument.class).source();
        assertThat(indexed.description()).isEqualTo("Legacy Rent");
        assertThat(indexed.textOwner()).isEqualTo(owner.value());
    }

    /** A transfer's text is the payer's: a line filled with it just before the payer's erasure is masked once written. */
    @Test
    void aTransferLineFilledWithThePayersTextBeforeTheErasureAndWrittenAfterItIsMasked() throws Exception {
        CustomerId payer = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId payers = AccountId.random();
        AccountId payees = AccountId.random();
        TransferId transferId = TransferId.random();
        TransferRequested requested = keys.transferRequested(transferId, payers, payees, money("10.00 EUR"), payer,
                "Rent share Erin", "R-1");
        TransactionLines requestWritten = projection.newLines();
        requestWritten.add(projection.transferOf(TransferParticulars.of(requested, texts).orElseThrow()));
        writes.writeAll(requestWritten);
        // the other node fills the credit's line from the transfer while the payer's key still exists
        TransactionDocument opened = projection.lineOf(new ReceivedEvent(UUID.randomUUID().toString(),
                "AccountCreditedForTransfer", "Account", payees.value(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), Map.of(),
                new AccountCreditedForTransfer(payees, transferId, money("10.00 EUR"), money("10.00 EUR"))))
                .orElseThrow();
        assertThat(opened.description()).isEqualTo("Rent share Erin");
        assertThat(opened.counterpartyAccountId()).isEqualTo(payers.value());

        keys.shred(payer);
        projection.on(new PolledRecords(json).event(new CustomerErased(payer), "Customer", 1).poll());

        TransactionLines otherNode = projection.newLines();
        otherNode.add(opened);
        writes.writeAll(otherNode);

        TransactionDocument indexed = client.get(g -> g.index(index.target()).id(opened.id()),
                TransactionDocument.class).source();
        assertThat(indexed.description()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.reference()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.textOwner()).isEqualTo(payer.value());
        StatementTransferDocument transfer = client.get(g -> g.index(StatementTransferIndex.ALIAS)
                .id(transferId.value()), StatementTransferDocument.class).source();
        assertThat(transfer.description()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(transfer.reference()).isEqualTo(PersonalDataOpener.ERASED);
    }

    private TransactionDocument lineOf(MoneyDeposited deposit) throws Exception {
        return projection.lineOf(new ReceivedEvent(UUID.randomUUID().toString(),
                "MoneyDeposited", "Account", deposit.accountId().value(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), Map.of(),
                deposit)).orElseThrow();
    }
}
