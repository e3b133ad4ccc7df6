package io.ledgerline.command.infrastructure.republish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Republication over HTTP into the real Kafka topic, compared with what the live publisher sent. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepublishIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void sendsEveryStoredEventAgainAsTheRecordOfItsFirstPublication() throws Exception {
        Set<String> eventIds = storeAFewEvents();
        Map<String, List<PublishedRecord>> firstPublication = awaitRecordsOf(eventIds, 1);

        ResponseEntity<String> started = http.postForEntity("/api/admin/republish?fromPosition=0", null, String.class);

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String republishId = json.readTree(started.getBody()).path("republishId").asText();
        assertThat(started.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/admin/republish/" + republishId);
        JsonNode done = await().atMost(Duration.ofMinutes(3)).until(
                () -> json.readTree(http.getForEntity("/api/admin/republish/" + republishId, String.class).getBody()),
                status -> !"RUNNING".equals(status.path("state").asText()));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("lastPosition").asLong()).isEqualTo(done.path("headPosition").asLong())
                .isGreaterThanOrEqualTo(lastPositionOf(eventIds));
        assertThat(done.path("eventsPublished").asLong()).isGreaterThanOrEqualTo(eventIds.size());

        Map<String, List<PublishedRecord>> afterRepublication = awaitRecordsOf(eventIds, 2);
        for (String eventId : eventIds) {
            PublishedRecord first = firstPublication.get(eventId).get(0);
            assertThat(afterRepublication.get(eventId)).as("records of event %s", eventId).allSatisfy(record ->
                    assertThat(record).isEqualTo(first));
        }
    }

    @Test
    void refusesANegativePositionAndAnswersNotFoundForAnUnknownRepublication() throws Exception {
        ResponseEntity<String> negative = http.postForEntity("/api/admin/republish?fromPosition=-1", null, String.class);
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(negative.getBody()).path("code").asText()).isEqualTo("INVALID_REQUEST");

        ResponseEntity<String> unknown = http.getForEntity("/api/admin/republish/" + UUID.randomUUID(), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(unknown.getBody()).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private Set<String> storeAFewEvents() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Rae", "rae-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("12.50"), EUR, "first"));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("0.50"), EUR, "second"));
        return Set.copyOf(jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)", String.class,
                customerId.value(), accountId.value()));
    }

    private long lastPositionOf(Set<String> eventIds) {
        return eventIds.stream().mapToLong(id -> jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, id)).max()
                .orElseThrow();
    }

    /** Reads the topic from its beginning with a fresh consumer until every event was seen the given number of times. */
    private Map<String, List<PublishedRecord>> awaitRecordsOf(Set<String> eventIds, int times) {
        Map<String, List<PublishedRecord>> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header eventId = record.headers().lastHeader(LedgerHeaders.EVENT_ID);
                    String id = eventId == null ? null : new String(eventId.value(), StandardCharsets.UTF_8);
                    if (eventIds.contains(id)) {
                        seen.computeIfAbsent(id, key -> new ArrayList<>()).add(PublishedRecord.of(record));
                    }
                }
                return eventIds.stream().allMatch(id -> seen.getOrDefault(id, List.of()).size() >= times);
            });
        }
        return seen;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** What a consumer can tell of a record, with the headers in their order. */
    private record PublishedRecord(int partition, String key, long timestamp, String value, List<String> headers) {

        static PublishedRecord of(ConsumerRecord<String, byte[]> record) {
            List<String> headers = Arrays.stream(record.headers().toArray())
                    .map(header -> header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8)).toList();
            return new PublishedRecord(record.partition(), record.key(), record.timestamp(),
                    new String(record.value(), StandardCharsets.UTF_8), headers);
        }
    }
}
