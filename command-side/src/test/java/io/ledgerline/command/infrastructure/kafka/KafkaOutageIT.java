package io.ledgerline.command.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.localstack.KitLocations;
import io.ledgerline.localstack.InfrastructureEndpoints;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.localstack.kafka.KafkaBroker;
import io.ledgerline.localstack.process.Ports;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka goes away and comes back: commands keep being accepted meanwhile, and every event stored
 * during the outage reaches the topic afterwards, in order. The broker is this test's own, stopped
 * and restarted on the same port and data directory, so the shared broker of other tests is untouched.
 * So is its event store: in the shared one, the publishers of other tests' application contexts
 * would compete for the publication token and send this test's events to their broker.
 */
@RealInfrastructure(database = "ledgerline_command", kafka = false)
@ExtendWith({KafkaOutageIT.OwnDatabase.class, KafkaOutageIT.OwnBroker.class})
@SpringBootTest(properties = "ledgerline.publication.acknowledgement-timeout=5s")
@DirtiesContext
class KafkaOutageIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final int DEPOSITS_DURING_OUTAGE = 5;

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void useOwnBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", OwnBroker::bootstrapServers);
        registry.add("spring.datasource.url", OwnDatabase::jdbcUrl);
    }

    @Test
    void publishesEverythingStoredWhileKafkaWasDownOnceItIsBack() {
        AccountId accountId = openAccount();
        await().atMost(Duration.ofSeconds(60)).until(() -> sequencesPublishedFor(accountId).contains(0L));

        OwnBroker.stop();
        for (int i = 1; i <= DEPOSITS_DURING_OUTAGE; i++) {
            long version = commands.<Long>sendAndWait(new DepositMoneyCommand(accountId, BigDecimal.ONE, EUR, "during outage " + i));
            assertThat(version).as("accepted while Kafka is down").isEqualTo(i);
        }
        // a publisher whose publication failed gives up its claim on the token until it retries
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner IS NULL", Long.class,
                KafkaEventPublisher.PROCESSING_GROUP) > 0);

        OwnBroker.start();

        List<Long> expected = List.of(0L, 1L, 2L, 3L, 4L, 5L);
        await().atMost(Duration.ofSeconds(180)).until(() -> firstOccurrences(sequencesPublishedFor(accountId)).equals(expected));
    }

    private AccountId openAccount() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Ops", "ops-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        return accountId;
    }


    /** At least once: a record may come twice, but the first time each sequence appears follows the aggregate's order. */
    private static List<Long> firstOccurrences(List<Long> sequences) {
        return sequences.stream().distinct().toList();
    }

    /** The aggregate sequences of the account's records, in the order of their partition. */
    private static List<Long> sequencesPublishedFor(AccountId accountId) {
        List<Long> sequences = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, OwnBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (accountId.value().equals(record.key())) {
                        sequences.add(Long.valueOf(new String(record.headers().lastHeader(LedgerHeaders.AGGREGATE_SEQUENCE).value(),
                                StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException | IllegalStateException unavailable) {
            return List.of();
        }
        return sequences;
    }

    /** A database of this test alone, next to the shared ones on the same server. */
    static final class OwnDatabase implements BeforeAllCallback {

        private static final String NAME = "ledgerline_command_kafka_outage";

        @Override
        public void beforeAll(ExtensionContext context) throws SQLException {
            InfrastructureEndpoints stack = RealInfrastructureExtension.stack();
            try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("postgres"),
                    stack.postgresUser(), stack.postgresPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + NAME);
                statement.execute("CREATE DATABASE " + NAME);
            }
        }

        static String jdbcUrl() {
            return RealInfrastructureExtension.stack().postgresJdbcUrl(NAME);
        }
    }

    /**
     * The broker of this test, on one port and data directory across its restart. Registered before
     * Spring's extension, so it stops only after the application (and its producer) has closed.
     */
    static final class OwnBroker implements BeforeAllCallback, AfterAllCallback {

        private static Path directory;
        private static int port;
        private static int controllerPort;
        private static KafkaBroker broker;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            directory = Files.createTempDirectory("ledgerline-kafka-outage");
            port = Ports.freePort();
            controllerPort = Ports.freePort();
            start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            stop();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }

        static void start() {
            broker = KafkaBroker.start(directory, port, controllerPort, KitLocations.load().kafkaBrokerClasspath());
        }

        static void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }

        static String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }
}
