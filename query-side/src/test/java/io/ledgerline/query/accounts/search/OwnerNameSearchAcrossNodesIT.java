package io.ledgerline.query.accounts.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.search.DeferredDocuments;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search side of {@code OwnerNameAcrossNodesIT}: a customer's registration and the opening of their account
 * travel on different partitions, so two query nodes may apply them to the accounts index at the same moment. Each
 * node's batch touches the index in three steps (read the documents it changes, write them, read the other side's
 * documents and copy the owner); the account's document must hold the owner's name once both are done, whatever
 * the interleaving of those steps.
 */
class OwnerNameSearchAcrossNodesIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String OWNER_NAME = "Sia Search";

    @Autowired
    AccountSearchProjection projection;
    @Autowired
    LedgerEventReader reader;
    @Autowired
    SearchWrites writes;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    AccountSearchIndex accounts;
    @Autowired
    CustomerSearchIndex customers;
    @Autowired
    StoredDocuments stored;
    @Autowired
    AccountOwnerCopies owners;
    @Autowired
    PersonalDataOpener opener;

    /** Every order of the two nodes' steps that keeps each node's own order: 'O' the opening's, 'R' the registration's. */
    static Stream<String> interleavings() {
        List<String> schedules = new ArrayList<>();
        interleave("", 3, 3, schedules);
        return schedules.stream();
    }

    private static void interleave(String prefix, int openingSteps, int registrationSteps, List<String> schedules) {
        if (openingSteps == 0 && registrationSteps == 0) {
            schedules.add(prefix);
            return;
        }
        if (openingSteps > 0) {
            interleave(prefix + "O", openingSteps - 1, registrationSteps, schedules);
        }
        if (registrationSteps > 0) {
            interleave(prefix + "R", openingSteps, registrationSteps - 1, schedules);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interleavings")
    void theAccountsDocumentGetsItsOwnersNameWhateverTheInterleavingOfTheTwoNodes(String schedule) throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        NodeBatch opening = new NodeBatch(record(new PolledRecords(json)
                .event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)));
        NodeBatch registration = new NodeBatch(record(new PolledRecords(json)
                .event(keys.registered(owner, OWNER_NAME, "sia-" + UUID.randomUUID() + "@example.org"), "Customer", 0)));

        for (char step : schedule.toCharArray()) {
            (step == 'O' ? opening : registration).next();
        }

        assertThat(opening.done() && registration.done()).isTrue();
        assertThat(indexed(account).ownerName()).as(schedule + ": " + indexed(account)).isEqualTo(OWNER_NAME);
    }

    @Test
    void accountsOpenedWhileTheirOwnersAreRegisteredOnAnotherNodeGetTheOwnersNames() throws Exception {
        int pairs = 20;
        List<AccountId> opened = new ArrayList<>();
        PolledRecords openings = new PolledRecords(json);
        PolledRecords registrations = new PolledRecords(json);
        for (int i = 0; i < pairs; i++) {
            CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
            AccountId account = AccountId.random();
            opened.add(account);
            openings.event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0);
            registrations.event(keys.registered(owner, OWNER_NAME, "sia-" + UUID.randomUUID() + "@example.org"),
                    "Customer", 0);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> polled : List.of(openings.poll(), registrations.poll())) {
            nodes.add(CompletableFuture.runAsync(() -> {
                try {
                    // one poll's record at a time on each node, both nodes starting each pair at once
                    for (ConsumerRecord<String, byte[]> record : polled) {
                        together.await(30, TimeUnit.SECONDS);
                        projection.apply(List.of(record));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Void> node : nodes) {
            node.get(2, TimeUnit.MINUTES);
        }

        for (AccountId account : opened) {
            assertThat(indexed(account).ownerName()).as(indexed(account).toString()).isEqualTo(OWNER_NAME);
        }
    }

    private ConsumerRecord<String, byte[]> record(PolledRecords polled) {
        return polled.get(0);
    }

    /** Read by id, so in real time: a search would see it only after a refresh. */
    private AccountDocument indexed(AccountId account) throws IOException {
        AccountDocument document = client.get(g -> g.index(accounts.target()).id(account.value()), AccountDocument.class)
                .source();
        assertThat(document).as("the document of " + account).isNotNull();
        return document;
    }

    /** One node's batch of one event, applied a step at a time as {@link SearchWrites#writeAll} applies it. */
    private final class NodeBatch {

        private final AccountSearchBatch batch;
        private List<BulkOperation> operations;
        private int step;

        NodeBatch(ConsumerRecord<String, byte[]> record) {
            batch = new AccountSearchBatch(accounts, customers, stored, owners, opener);
            batch.add(reader.read(record));
        }

        void next() throws IOException {
            switch (step++) {
                // reads the documents the event changes, as the index holds them now
                case 0 -> operations = batch.operations();
                case 1 -> writes.writeAll(new Written(operations));
                // reads the other side's documents and copies the owner where it is missing
                case 2 -> batch.written();
                default -> throw new IllegalStateException("a batch has three steps");
            }
        }

        boolean done() {
            return step == 3;
        }
    }

    /** Operations computed before, sent as they are. */
    private record Written(List<BulkOperation> operations) implements DeferredDocuments {

        @Override
        public void written() {
        }
    }
}
