package io.ledgerline.command.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class KafkaPublicationIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void publishesAStoredEventWithItsKeyHeadersAndJson() throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Kay", "kay-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, Currency.getInstance("GBP"), null));
        long globalIndex = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, accountId.value());

        ConsumerRecord<String, byte[]> record = awaitRecordFor(accountId.value());

        assertThat(header(record, LedgerHeaders.EVENT_TYPE)).isEqualTo("AccountOpened");
        assertThat(header(record, LedgerHeaders.EVENT_REVISION)).isEqualTo("1");
        assertThat(header(record, LedgerHeaders.AGGREGATE_TYPE)).isEqualTo("Account");
        assertThat(header(record, LedgerHeaders.AGGREGATE_ID)).isEqualTo(accountId.value());
        assertThat(header(record, LedgerHeaders.AGGREGATE_SEQUENCE)).isEqualTo("0");
        assertThat(header(record, LedgerHeaders.GLOBAL_POSITION)).isEqualTo(Long.toString(globalIndex));
        assertThat(header(record, LedgerHeaders.EVENT_ID)).isNotBlank();
        assertThat(header(record, LedgerHeaders.TIMESTAMP)).isNotBlank();
        JsonNode payload = json.readTree(record.value());
        assertThat(payload.path("accountId").asText()).isEqualTo(accountId.value());
        assertThat(payload.path("overdraftLimit").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void keepsTheTopicForeverWithItsConfiguredPartitions() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.partitionsFor(LedgerHeaders.TOPIC).size() == 3);
        }
    }

    private ConsumerRecord<String, byte[]> awaitRecordFor(String key) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(r -> key.equals(r.key())).findFirst();
            }, Optional::isPresent).orElseThrow();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
