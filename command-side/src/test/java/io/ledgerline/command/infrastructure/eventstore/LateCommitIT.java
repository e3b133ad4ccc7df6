package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.command.transfer.RequestTransferCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose transaction commits after later events were committed and published leaves a gap
 * in the global index that the readers tailing the store (the Kafka publisher, the transfer saga)
 * must keep waiting for. Axon drops a gap once it reads an event older than the gap timeout behind
 * it; an appending transaction that outlives that would be lost to Kafka and to the saga.
 *
 * <p>Timeouts are shortened so the test runs in seconds: every transaction ends within 3 s, the
 * gap timeout is 7 s. Here the late transaction stays open longer than the event after it takes
 * to grow older than a second, so with a gap timeout of a second (and no bound on transactions)
 * the transfer it requests would never be published nor carried out.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(properties = {
        "ledgerline.event-store.transaction-timeout=3s",
        "ledgerline.event-store.gap-timeout=7s"})
class LateCommitIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String PUBLISHER = "kafka-publisher";
    /** Older than a gap timeout of a second, well within the 3 s every transaction is given. */
    private static final Duration LATER_EVENT_AGE = Duration.ofMillis(1200);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anEventCommittedAfterLaterOnesArePublishedIsStillPublishedAndHandledByTheSaga() throws Exception {
        CustomerId owner = customer();
        AccountId source = openAccount(owner);
        AccountId destination = openAccount(owner);
        AccountId bystander = openAccount(owner);
        commands.sendAndWait(new DepositMoneyCommand(source, new BigDecimal("100"), EUR, "salary"));
        TransferId transfer = TransferId.random();
        CountDownLatch transferAppended = new CountDownLatch(1);
        CountDownLatch releaseTransfer = new CountDownLatch(1);

        CompletableFuture<Void> lateTransfer = CompletableFuture.runAsync(() -> inTransaction(() -> {
            commands.sendAndWait(new RequestTransferCommand(transfer, source, destination, new BigDecimal("30"), EUR));
            transferAppended.countDown();
            awaitLatch(releaseTransfer);
        }));
        awaitLatch(transferAppended);
        Instant laterEventCreated = Instant.now();
        inTransaction(() -> {
            commands.sendAndWait(new DepositMoneyCommand(bystander, BigDecimal.ONE, EUR, "committed first"));
            await().atMost(Duration.ofSeconds(5)).until(() -> Duration.between(laterEventCreated, Instant.now())
                    .compareTo(LATER_EVENT_AGE) > 0);
        });
        long laterEvent = lastGlobalIndexOf(bystander);
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedUpTo() >= laterEvent);
        assertThat(transferRequestedGlobalIndex(transfer)).as("the transfer is not committed yet").isNull();

        releaseTransfer.countDown();
        lateTransfer.get(10, TimeUnit.SECONDS);

        assertThat(transferRequestedGlobalIndex(transfer)).isLessThan(laterEvent);
        assertThat(awaitRecordFor(transfer.value()).headers().lastHeader(LedgerHeaders.EVENT_TYPE).value())
                .asString().isEqualTo("TransferRequested");
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPayload(transfer.value()) instanceof TransferCompleted);
    }

    @Test
    void aTransactionHeldOpenBeyondTheBoundIsEndedAndItsEventsNeverAppear() {
        AccountId account = openAccount(customer());
        long eventsBefore = eventCountOf(account);

        assertThatThrownBy(() -> inTransaction(() -> {
            commands.sendAndWait(new DepositMoneyCommand(account, BigDecimal.TEN, EUR, "held too long"));
            Instant appended = Instant.now();
            await().atMost(Duration.ofSeconds(10)).until(() -> Duration.between(appended, Instant.now())
                    .compareTo(Duration.ofSeconds(4)) > 0);
        })).satisfies(failure -> assertThat(sqlStateOf(failure))
                .as("the server ended the session (25P04) or the commit found it gone (08...)").matches("25P04|08...."));

        assertThat(eventCountOf(account)).isEqualTo(eventsBefore);
        inTransaction(() -> commands.sendAndWait(new DepositMoneyCommand(account, BigDecimal.TEN, EUR, "in time")));
        assertThat(eventCountOf(account)).as("the ended session does not stay in the pool").isEqualTo(eventsBefore + 1);
    }

    private static String sqlStateOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private CustomerId customer() {
        CustomerId customer = CustomerId.random();
        commands.sendAndWait(new RegisterCustomerCommand(customer, "Ada", customer + "@example.org"));
        return customer;
    }

    private AccountId openAccount(CustomerId owner) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(account, owner, EUR, BigDecimal.ZERO));
        return account;
    }

    private long lastGlobalIndexOf(AccountId account) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, account.value());
    }

    private long eventCountOf(AccountId account) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, account.value());
    }

    private Long transferRequestedGlobalIndex(TransferId transfer) {
        return jdbc.query("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                (row, index) -> row.getLong(1), transfer.value()).stream().findFirst().orElse(null);
    }

    /** The global index the publisher's token has reached (Axon keeps it as JSON), or -1 before its first token. */
    private long publishedUpTo() throws IOException {
        byte[] token = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ? AND token IS NOT NULL",
                (row, index) -> row.getBytes("token"), PUBLISHER).stream().findFirst().orElse(null);
        return token == null ? -1 : json.readTree(token).path("index").asLong(-1);
    }

    private Object lastPayload(String aggregateId) {
        Object last = null;
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            last = events.next().getPayload();
        }
        return last;
    }

    private static ConsumerRecord<String, byte[]> awaitRecordFor(String key) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);
        }
    }
}
