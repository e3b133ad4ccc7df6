package io.ledgerline.multinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.command.account.Account;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.command.transfer.RequestTransferCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.multinode.StepGate.Point;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Two command-side nodes on one PostgreSQL and Kafka: this test's context is the step node, which owns
 * the transfer saga's only segment and applies the saga's steps; the deadline node runs the durable
 * deadlines (the step node polls for due deadlines only once an hour). Each repetition holds one
 * node inside a saga transaction of a transfer, makes the transfer's deadline due or lets the step
 * go on, waits until the other node either waits for the saga or has finished its transaction, and
 * only then lets the first one finish. Whatever the interleaving, the transfer's outcome and the
 * money must agree.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(classes = {CommandSideApplication.class, StepGateHooks.class}, properties = {
        "db-scheduler.polling-interval=1h", "db-scheduler.scheduler-name=step-node", "ledgerline.transfer.deadline=5m"})
// the step node must not stay cached: its processors would take part in the next class's tests
@DirtiesContext
class TransferDeadlineOnTwoNodesIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    /** Started by the first test, once this test's context (the step node) runs and @RealInfrastructure set the servers' addresses. */
    private static ConfigurableApplicationContext deadlineNode;
    private final StepGate gate = StepGate.INSTANCE;

    @BeforeEach
    void startTheDeadlineNodeOnceTheStepNodeOwnsTheSaga() {
        if (deadlineNode != null) {
            return;
        }
        await().atMost(PATIENCE).until(() -> processing
                .eventProcessor("TransferSagaProcessor", TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().containsKey(0))
                .orElse(false));
        deadlineNode = new SpringApplicationBuilder(CommandSideApplication.class, StepGateHooks.class)
                .properties(Map.of("server.port", "0", "db-scheduler.polling-interval", "100ms",
                        "db-scheduler.scheduler-name", "deadline-node", "ledgerline.transfer.deadline", "5m"))
                .run();
    }

    @AfterAll
    static void stopTheDeadlineNode() {
        if (deadlineNode != null) {
            deadlineNode.close();
            deadlineNode = null;
        }
    }

    @AfterEach
    void releaseAnyHeldStep() {
        gate.releaseAll();
    }

    /** The step node holds the saga's row while it credits; the deadline must wait and then see the credit. */
    @RepeatedTest(4)
    void aDeadlineFiringWhileAnotherNodeAppliesTheCreditLeavesOutcomeAndMoneyInAgreement() throws Exception {
        Accounts accounts = accountsWith100();
        TransferId transfer = TransferId.random();
        gate.hold(Point.CREDIT, transfer);

        requestTransferOf30(transfer, accounts);
        assertThat(gate.awaitEntered(Point.CREDIT, PATIENCE)).as("the step node applies the credit").isTrue();
        int deadlinesBefore = gate.deadlinesRun();
        makeTheDeadlineDue(transfer);
        await().atMost(PATIENCE).until(() -> aTransactionWaitsForASaga() || gate.deadlinesRun() > deadlinesBefore);
        gate.release(Point.CREDIT);

        assertOutcomeAndMoneyAgree(transfer, accounts);
    }

    /**
     * The other way round: the deadline node holds the saga's row while it fails the transfer (its debit
     * not seen yet), and the step node, handling the debit meanwhile, must wait and then see the timeout
     * instead of crediting the destination.
     */
    @RepeatedTest(3)
    void aStepAppliedWhileAnotherNodeRunsTheDeadlineLeavesOutcomeAndMoneyInAgreement() throws Exception {
        Accounts accounts = accountsWith100();
        TransferId transfer = TransferId.random();
        gate.hold(Point.DEBIT_SEEN, transfer);
        gate.hold(Point.TIMEOUT_FAILURE, transfer);
        gate.hold(Point.CREDIT, transfer);

        requestTransferOf30(transfer, accounts);
        assertThat(gate.awaitEntered(Point.DEBIT_SEEN, PATIENCE)).as("the step node is about to handle the debit").isTrue();
        makeTheDeadlineDue(transfer);
        assertThat(gate.awaitEntered(Point.TIMEOUT_FAILURE, PATIENCE)).as("the deadline node fails the transfer").isTrue();
        gate.release(Point.DEBIT_SEEN);
        await().atMost(PATIENCE).until(() -> aTransactionWaitsForASaga() || gate.entered(Point.CREDIT));
        gate.release(Point.TIMEOUT_FAILURE);
        gate.release(Point.CREDIT);

        assertOutcomeAndMoneyAgree(transfer, accounts);
    }

    private void assertOutcomeAndMoneyAgree(TransferId transfer, Accounts accounts) {
        await().atMost(PATIENCE).until(() -> finished(transfer) && sagaEnded(transfer));
        BigDecimal sourceBalance = balanceOf(accounts.source());
        BigDecimal destinationBalance = balanceOf(accounts.destination());
        assertThat(sourceBalance.add(destinationBalance)).as("no money created or lost").isEqualByComparingTo("100");
        if (outcome(transfer) instanceof TransferCompleted) {
            assertThat(sourceBalance).as("a completed transfer moved the money").isEqualByComparingTo("70");
            assertThat(destinationBalance).isEqualByComparingTo("30");
        } else {
            assertThat(sourceBalance).as("a failed transfer left the money where it was").isEqualByComparingTo("100");
            assertThat(destinationBalance).isEqualByComparingTo("0");
        }
    }

    private record Accounts(AccountId source, AccountId destination) {
    }

    private Accounts accountsWith100() {
        CustomerId owner = CustomerId.random();
        commands.sendAndWait(new RegisterCustomerCommand(owner, "Ada", owner + "@example.org"));
        Accounts accounts = new Accounts(openAccount(owner), openAccount(owner));
        commands.sendAndWait(new DepositMoneyCommand(accounts.source(), new BigDecimal("100"), EUR, "salary"));
        return accounts;
    }

    private void requestTransferOf30(TransferId transfer, Accounts accounts) {
        commands.sendAndWait(new RequestTransferCommand(transfer, accounts.source(), accounts.destination(),
                new BigDecimal("30"), EUR));
    }

    /** The deadline was scheduled five minutes ahead; the test brings it forward to now, while the credit is held. */
    private void makeTheDeadlineDue(TransferId transfer) {
        String sagaId = jdbc.queryForObject("""
                SELECT saga_id FROM association_value_entry
                WHERE association_key = 'transferId' AND association_value = ?""", String.class, transfer.value());
        int due = jdbc.update("""
                UPDATE scheduled_tasks SET execution_time = now()
                WHERE NOT picked AND position(convert_to(?, 'UTF8') in task_data) > 0""", sagaId);
        assertThat(due).as("the transfer's deadline").isEqualTo(1);
    }

    /** One node's transaction waits for a saga's row, which the other node's transaction holds. */
    private boolean aTransactionWaitsForASaga() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query ILIKE '%saga_entry%'""", Integer.class) > 0;
    }

    private boolean finished(TransferId transfer) {
        Object outcome = outcome(transfer);
        return outcome instanceof TransferCompleted || outcome instanceof TransferFailed;
    }

    private boolean sagaEnded(TransferId transfer) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM association_value_entry
                WHERE association_key = 'transferId' AND association_value = ?""", Integer.class, transfer.value()) == 0;
    }

    private Object outcome(TransferId transfer) {
        Object last = null;
        DomainEventStream events = eventStore.readEvents(transfer.value(), 0);
        while (events.hasNext()) {
            last = events.next().getPayload();
        }
        return last;
    }

    private AccountId openAccount(CustomerId owner) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(account, owner, EUR, BigDecimal.ZERO));
        return account;
    }

    private BigDecimal balanceOf(AccountId account) {
        DomainEventStream events = eventStore.readEvents(account.value(), 0);
        Account root = new GenericAggregateFactory<>(Account.class).createAggregateRoot(account.value(), events.peek());
        EventSourcedAggregate<Account> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class), eventStore,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(events);
        return ((Money) assertThat(aggregate.getAggregateRoot()).extracting("balance").actual()).amount();
    }
}
