package io.ledgerline.command.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The publisher sends a batch of events at once. A record Kafka refuses in the middle of a batch
 * rolls the batch back; the batch is sent again from its first event, so every event reaches the
 * topic, and the first time each one appears follows the aggregate's order.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(properties = {
        "spring.kafka.producer.value-serializer=io.ledgerline.command.infrastructure.kafka.RefusingOnceSerializer",
        "ledgerline.publication.acknowledgement-timeout=5s"})
class PublicationBatchRetryIT {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final int DEPOSITS = 10;
    private static final int REFUSED_DEPOSIT = 5;

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sendsABatchAgainWhenKafkaRefusedOneOfItsRecordsLosingAndReorderingNothing() {
        AccountId accountId = openAccount();
        // the description is sealed: the marked deposit is this account's only one of 7 (no balance here starts with 7)
        String[] marker = {accountId.value(), "\"amount\":\"7"};
        RefusingOnceSerializer.refuseOnce(marker);

        // the deposits pile up while the publisher is stopped, so that they go out as one batch
        TrackingEventProcessor publisher = publisher();
        publisher.shutDown();
        for (int i = 1; i <= DEPOSITS; i++) {
            commands.sendAndWait(new DepositMoneyCommand(accountId, i == REFUSED_DEPOSIT ? new BigDecimal("7") : BigDecimal.ONE,
                    EUR, "deposit " + i));
        }
        publisher.start();

        List<Long> expected = LongStream.rangeClosed(0, DEPOSITS).boxed().toList();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> sequencesPublishedFor(accountId).stream().distinct().toList().equals(expected));
        assertThat(RefusingOnceSerializer.refusals(marker)).as("the marked record was refused once").isEqualTo(1);
    }

    private TrackingEventProcessor publisher() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    private AccountId openAccount() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Batch", "batch-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        return accountId;
    }

    /** The aggregate sequences of the account's records, in the order of their partition. */
    private static List<Long> sequencesPublishedFor(AccountId accountId) {
        List<Long> sequences = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
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
        }
        return sequences;
    }
}
