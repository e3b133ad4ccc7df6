package io.ledgerline.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.command.account.Account;
import io.ledgerline.command.account.AccountIsClosed;
import io.ledgerline.command.account.CloseAccountCommand;
import io.ledgerline.command.account.CreditAccountForTransferCommand;
import io.ledgerline.command.account.DebitAccountForTransferCommand;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.account.WithdrawMoneyCommand;
import io.ledgerline.command.customer.DuplicateEmail;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.command.transfer.RequestTransferCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's domain on the real event store in PostgreSQL: snapshots, set-based rules and the transfer saga. */
@io.ledgerline.localstack.junit.RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(properties = {"ledgerline.account.snapshot-threshold=5", "ledgerline.transfer.deadline=1m"})
class LedgerDomainIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void anAccountLoadedFromASnapshotEqualsOneReplayedFromAllItsEvents() {
        AccountId account = openAccount(customer(), "100");
        for (int i = 1; i <= 12; i++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal(i + ".25"), EUR, "deposit " + i));
            commands.sendAndWait(new WithdrawMoneyCommand(account, new BigDecimal("3.10"), EUR, "withdrawal " + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                account.value()) > 0);

        DomainEventStream withSnapshot = eventStore.readEvents(account.value());
        assertThat(withSnapshot.peek().getSequenceNumber()).as("the stream starts at a snapshot").isGreaterThan(0);
        Account fromSnapshot = load(account, withSnapshot);
        Account replayed = load(account, eventStore.readEvents(account.value(), 0));

        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(replayed).extracting("version").isEqualTo(24L);
    }

    @Test
    void accountsWithFinishedTransfersLoadedFromSnapshotsEqualThemReplayedFromAllTheirEvents() {
        CustomerId owner = customer();
        AccountId source = openAccount(owner, "0");
        AccountId destination = openAccount(owner, "0");
        commands.sendAndWait(new DepositMoneyCommand(source, new BigDecimal("100"), EUR, "salary"));
        TransferId transfer = TransferId.random();
        commands.sendAndWait(new RequestTransferCommand(transfer, source, destination, new BigDecimal("30"), EUR));
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPayload(transfer.value()) instanceof TransferCompleted);
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new DepositMoneyCommand(source, BigDecimal.ONE, EUR, "deposit " + i));
            commands.sendAndWait(new DepositMoneyCommand(destination, BigDecimal.ONE, EUR, "deposit " + i));
        }

        for (AccountId account : List.of(source, destination)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                    account.value()) > 0);
            Account fromSnapshot = load(account, eventStore.readEvents(account.value()));
            Account replayed = load(account, eventStore.readEvents(account.value(), 0));
            assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(replayed);
        }
        assertThat(load(source, eventStore.readEvents(source.value()))).extracting("debitsFinished.finishedAt")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsOnlyKeys(transfer.value());
        assertThat(load(destination, eventStore.readEvents(destination.value()))).extracting("creditsReceived.finishedAt")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsOnlyKeys(transfer.value());
    }

    @Test
    void anAccountSnapshotThatKeptEveryTransferIdLoadsAndStillIgnoresThoseTransfersRepeatedSteps() throws Exception {
        AccountId account = openAccount(customer(), "0");
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal("20"), EUR, "deposit " + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                account.value()) > 0);
        TransferId debitedEarlier = TransferId.random();
        TransferId creditedEarlier = TransferId.random();
        rewriteSnapshotAsBeforeTheWindows(account, debitedEarlier, creditedEarlier);

        commands.sendAndWait(new DebitAccountForTransferCommand(account, debitedEarlier, new Money(new BigDecimal("30.00"), EUR)));
        commands.sendAndWait(new CreditAccountForTransferCommand(account, creditedEarlier, new Money(new BigDecimal("30.00"), EUR)));
        commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal("1"), EUR, "after the old snapshot"));

        // neither repeated step moved money: loaded without its snapshot, the account would not know them
        assertThat(balanceOf(account)).isEqualByComparingTo("101");
    }

    @Test
    void anAccountSnapshotFromBeforeAccountsKeptTheirOwnerIsSkippedSoTheNextDepositIsSealedUnderTheOwnersKey()
            throws Exception {
        CustomerId owner = customer();
        AccountId account = openAccount(owner, "0");
        for (int i = 1; i <= 5; i++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal("20"), EUR, "deposit " + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                account.value()) > 0);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                byte[].class, account.value());
        ObjectNode snapshot = (ObjectNode) json.readTree(payload);
        assertThat(snapshot.path("owner").asText()).isEqualTo(owner.value());
        snapshot.remove("owner");
        jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = NULL WHERE aggregate_identifier = ?",
                json.writeValueAsBytes(snapshot), account.value());

        commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal("1"), EUR, "after the old snapshot"));

        MoneyDeposited deposited = (MoneyDeposited) lastPayload(account.value());
        assertThat(deposited.customerId()).isEqualTo(owner);
        assertThat(deposited.description().value()).startsWith(PersonalData.SEALED_PREFIX);
        assertThat(balanceOf(account)).isEqualByComparingTo("101");
    }

    /** The form snapshots had when an account kept every transfer id it was ever debited or credited for. */
    private void rewriteSnapshotAsBeforeTheWindows(AccountId account, TransferId debited, TransferId credited) throws Exception {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                byte[].class, account.value());
        ObjectNode snapshot = (ObjectNode) json.readTree(payload);
        assertThat(snapshot.has("debitsFinished")).as("the snapshot's current form").isTrue();
        snapshot.remove("debitsFinished");
        snapshot.remove("creditsReceived");
        snapshot.putArray("transfersDebited").add(debited.value());
        snapshot.putArray("transfersCredited").add(credited.value());
        jdbc.update("UPDATE snapshot_event_entry SET payload = ? WHERE aggregate_identifier = ?",
                json.writeValueAsBytes(snapshot), account.value());
    }

    @Test
    void aTransferMovesTheMoneyOnceAndCompletes() {
        CustomerId owner = customer();
        AccountId source = openAccount(owner, "0");
        AccountId destination = openAccount(owner, "0");
        commands.sendAndWait(new DepositMoneyCommand(source, new BigDecimal("100"), EUR, "salary"));
        TransferId transfer = TransferId.random();
        RequestTransferCommand request = new RequestTransferCommand(transfer, source, destination, new BigDecimal("30"), EUR);
        commands.sendAndWait(request);
        commands.sendAndWait(request);

        await().atMost(Duration.ofSeconds(30)).until(() -> lastPayload(transfer.value()) instanceof TransferCompleted);
        assertThat(balanceOf(source)).isEqualByComparingTo("70");
        assertThat(balanceOf(destination)).isEqualByComparingTo("30");
    }

    @Test
    void aTransferToAClosedAccountGivesTheDebitBackAndFails() {
        CustomerId owner = customer();
        AccountId source = openAccount(owner, "0");
        AccountId destination = openAccount(owner, "0");
        commands.sendAndWait(new CloseAccountCommand(destination));
        commands.sendAndWait(new DepositMoneyCommand(source, new BigDecimal("100"), EUR, "salary"));
        TransferId transfer = TransferId.random();
        commands.sendAndWait(new RequestTransferCommand(transfer, source, destination, new BigDecimal("30"), EUR));

        await().atMost(Duration.ofSeconds(30)).until(() -> lastPayload(transfer.value()) instanceof TransferFailed);
        assertThat(((TransferFailed) lastPayload(transfer.value())).reasonCode()).isEqualTo(AccountIsClosed.CODE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(balanceOf(source)).isEqualByComparingTo("100"));
        assertThat(balanceOf(destination)).isEqualByComparingTo("0");
    }

    @Test
    void concurrentRegistrationsWithOneEmailLeaveExactlyOneCustomer() {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        List<CompletableFuture<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> commands.sendAndWait(
                    new RegisterCustomerCommand(CustomerId.random(), "Racer", email))).exceptionally(failure -> failure));
        }
        List<Object> outcomes = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Throwable).allSatisfy(failure ->
                assertThat(rootOrSelf((Throwable) failure)).isInstanceOf(DuplicateEmail.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_registry WHERE email = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void anIdWithoutEventsIsNotFoundByTheEventSourcingRepository() {
        AccountId unknown = AccountId.random();

        assertThatThrownBy(() -> commands.sendAndWait(new DepositMoneyCommand(unknown, BigDecimal.ONE, EUR, "nowhere")))
                .isInstanceOf(AggregateNotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, unknown.value())).isZero();
    }

    @Test
    void theEventStoreHasAnIndexForEveryQueryAxonRuns() {
        List<String> indexes = jdbc.queryForList("""
                SELECT indexdef FROM pg_indexes
                WHERE tablename IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'association_value_entry')""",
                String.class);

        assertThat(indexes)
                .anySatisfy(index -> assertThat(index).contains("UNIQUE", "domain_event_entry", "(aggregate_identifier, sequence_number)"))
                .anySatisfy(index -> assertThat(index).contains("UNIQUE", "domain_event_entry", "(event_identifier)"))
                .anySatisfy(index -> assertThat(index).contains("domain_event_entry", "(time_stamp)"))
                .anySatisfy(index -> assertThat(index).contains("UNIQUE", "snapshot_event_entry", "(event_identifier)"))
                .anySatisfy(index -> assertThat(index).contains("snapshot_event_entry", "(aggregate_identifier, sequence_number DESC)"))
                .anySatisfy(index -> assertThat(index).contains("token_entry", "(processor_name, owner, segment)"))
                .anySatisfy(index -> assertThat(index).contains("association_value_entry", "(saga_type, association_key, association_value)"))
                .anySatisfy(index -> assertThat(index).contains("association_value_entry", "(saga_id, saga_type)"));
    }

    private static Throwable rootOrSelf(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof DuplicateEmail) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private CustomerId customer() {
        CustomerId customer = CustomerId.random();
        commands.sendAndWait(new RegisterCustomerCommand(customer, "Ada", customer + "@example.org"));
        return customer;
    }

    private AccountId openAccount(CustomerId owner, String overdraftLimit) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(account, owner, EUR, new BigDecimal(overdraftLimit)));
        return account;
    }

    private Object lastPayload(String aggregateId) {
        Object last = null;
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            last = events.next().getPayload();
        }
        return last;
    }

    private BigDecimal balanceOf(AccountId account) {
        Account replayed = load(account, eventStore.readEvents(account.value(), 0));
        return ((io.ledgerline.events.Money) org.assertj.core.api.Assertions.assertThat(replayed)
                .extracting("balance").actual()).amount();
    }

    private Account load(AccountId account, DomainEventStream events) {
        AggregateModel<Account> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class);
        Account root = new GenericAggregateFactory<>(Account.class).createAggregateRoot(account.value(), events.peek());
        EventSourcedAggregate<Account> aggregate = EventSourcedAggregate.initialize(root, model, eventStore,
                org.axonframework.eventsourcing.NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(events);
        return aggregate.getAggregateRoot();
    }
}
