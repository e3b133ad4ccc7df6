package io.ledgerline.query.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.projection.ProjectionGroups;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class ParkingIT extends QuerySideIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parksAnUnreadableEventHoldsItsAggregateAndLetsOthersThrough() throws Exception {
        AccountId poisoned = ledger.account(ledger.customer("Poisoned", "p@example.org"), "EUR");
        AccountId healthy = ledger.account(ledger.customer("Healthy", "h@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, poisoned);

        publishUnreadableDeposit(poisoned, 1);
        ledger.publish(keys.deposited(poisoned, ledger.ownerOf(poisoned), money("5.00"), money("5.00"),
                "behind the poison", null, null), "Account");
        ledger.publish(keys.deposited(poisoned, ledger.ownerOf(poisoned), money("5.00"), money("5.00"),
                "behind the poison", null, null), "Account");
        ledger.deposit(healthy, "7.00 EUR", "7.00 EUR", "unaffected");

        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, healthy);
        JsonNode parked = eventually("/api/admin/parked-events?projection={group}&status=PARKED",
                found -> aggregateIds(found).stream().filter(poisoned.value()::equals).count() == 3,
                ProjectionGroups.SQL);
        JsonNode poison = first(parked, poisoned.value());
        assertThat(poison.path("error").asText()).contains("UnreadableEvent");
        assertThat(get("/api/accounts/{id}", poisoned).path("version").asLong()).isZero();

        ResponseEntity<String> retried = http.postForEntity("/api/admin/parked-events/{id}/retry", null, String.class,
                poison.path("id").asLong());
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(retried).path("applied").asInt()).isZero();
        assertThat(body(retried).path("stoppedAt").asLong()).isEqualTo(poison.path("id").asLong());
        assertThat(get("/api/admin/parked-events/{id}", poison.path("id").asLong()).path("attempts").asInt())
                .isEqualTo(2);
    }

    @Test
    void retriesParkedEventsInOrderOnceTheCauseIsRepaired() throws Exception {
        AccountId account = ledger.account(ledger.customer("Wordy", "w@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, account);
        ledger.deposit(account, "10.00 EUR", "10.00 EUR", "x".repeat(600));
        ledger.deposit(account, "1.00 EUR", "11.00 EUR", "after the long one");

        JsonNode parked = eventually("/api/admin/parked-events?projection={group}&status=PARKED",
                found -> aggregateIds(found).stream().filter(account.value()::equals).count() == 2,
                ProjectionGroups.SQL);
        assertThat(get("/api/accounts/{id}", account).path("version").asLong()).isZero();

        jdbc.execute("ALTER TABLE statement_line ALTER COLUMN description TYPE VARCHAR(1000)");
        ResponseEntity<String> retried = http.postForEntity("/api/admin/parked-events/{id}/retry", null, String.class,
                first(parked, account.value()).path("id").asLong());

        assertThat(body(retried).path("applied").asInt()).isEqualTo(2);
        assertThat(body(retried).path("stoppedAt").isNull()).isTrue();
        JsonNode view = get("/api/accounts/{id}", account);
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(view.path("balance").asText()).isEqualTo("11.00");
        assertThat(get("/api/accounts/{id}/transactions", account).path("totalItems").asLong()).isEqualTo(2);
        assertThat(aggregateIds(get("/api/admin/parked-events?projection={group}&status=PARKED", ProjectionGroups.SQL)))
                .doesNotContain(account.value());

        ledger.deposit(account, "1.00 EUR", "12.00 EUR", "flows again");
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 3, account);
    }

    private void publishUnreadableDeposit(AccountId account, long sequence) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, account.value(),
                    "{\"accountId\": 42, \"amount\": [".getBytes(StandardCharsets.UTF_8));
            header(record, LedgerHeaders.EVENT_ID, UUID.randomUUID().toString());
            header(record, LedgerHeaders.EVENT_TYPE, EventTypes.nameOf(MoneyDeposited.class));
            header(record, LedgerHeaders.EVENT_REVISION, "1");
            header(record, LedgerHeaders.AGGREGATE_TYPE, "Account");
            header(record, LedgerHeaders.AGGREGATE_ID, account.value());
            header(record, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
            header(record, LedgerHeaders.GLOBAL_POSITION, "1");
            header(record, LedgerHeaders.TIMESTAMP, "2026-03-01T10:00:00Z");
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        // the fixture's next event for this account follows the poison
        ledger.skipSequence(account.value());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static io.ledgerline.events.Money money(String amount) {
        return io.ledgerline.events.Money.of(amount, "EUR");
    }

    private static java.util.List<String> aggregateIds(JsonNode parked) {
        return parked.findValuesAsText("aggregateId");
    }

    private static JsonNode first(JsonNode parked, String aggregateId) {
        for (JsonNode event : parked) {
            if (aggregateId.equals(event.path("aggregateId").asText())) {
                return event;
            }
        }
        throw new AssertionError("Nothing parked for " + aggregateId + ": " + parked);
    }
}
