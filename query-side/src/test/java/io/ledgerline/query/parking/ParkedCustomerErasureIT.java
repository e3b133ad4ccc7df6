package io.ledgerline.query.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.projection.ProjectionGroups;
import io.ledgerline.query.search.SearchConsumerGroups;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/**
 * A parked event of a customer holds that customer's later events, but never its erasure: the
 * erasure is applied at once in SQL and search, and retrying the parked details afterwards cannot
 * bring a name back.
 */
class ParkedCustomerErasureIT extends QuerySideIT {

    private static final List<String> GROUPS = List.of(ProjectionGroups.SQL, SearchConsumerGroups.ACCOUNTS);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void erasesACustomerWhoseEarlierEventsAreParkedAndKeepsItErasedWhenTheyAreRetried() throws Exception {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        CustomerId customer = ledger.customer("Erin " + word, word + "@example.org");
        AccountId account = ledger.account(customer, "EUR");
        eventually("/api/accounts/{id}", found -> found.path("ownerName").asText().contains(word), account);
        eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 1, word);

        publishUnreadableDetailsChange(customer, 1);
        ledger.changeDetails(customer, "Leaked " + word, "leaked." + word + "@example.org");
        for (String group : GROUPS) {
            eventually("/api/admin/parked-events?projection={group}&status=PARKED",
                    found -> found.findValuesAsText("aggregateId").stream().filter(customer.value()::equals).count() == 2,
                    group);
        }

        ledger.erase(customer);

        assertErased(customer, account, word);

        // an operator gives up on the unreadable record, so that the readable one behind it is applied
        String unreadable = "aggregate_id = ? AND event_id IN "
                + "(SELECT event_id FROM parked_event WHERE aggregate_id = ? AND error LIKE '%UnreadableEvent%')";
        jdbc.update("UPDATE parked_event SET status = 'RESOLVED' WHERE " + unreadable, customer.value(), customer.value());
        try {
            for (String group : GROUPS) {
                JsonNode parked = get("/api/admin/parked-events?projection={group}&status=PARKED", group);
                long id = firstOf(parked, customer.value()).path("id").asLong();
                ResponseEntity<String> retried = http.postForEntity("/api/admin/parked-events/{id}/retry", null,
                        String.class, id);
                assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
                // the readable details change, then the erasure once more
                assertThat(body(retried).path("applied").asInt()).as(retried.getBody()).isEqualTo(2);
            }
        } finally {
            // nothing can apply the unreadable record, so it stays parked as it would in production: the
            // rebuilds of other tests read the whole topic and skip a record only while it is parked
            jdbc.update("UPDATE parked_event SET status = 'PARKED', resolved_at = NULL WHERE " + unreadable,
                    customer.value(), customer.value());
        }

        assertErased(customer, account, word);
    }

    /** A registration parked before its customer had a row: the erasure finds nothing to erase until it is retried. */
    @Test
    void erasesAgainWhatARetriedRegistrationWritesAfterTheErasure() throws Exception {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        CustomerId customer = CustomerId.of("cust-" + UUID.randomUUID());
        String constraint = "refuse_" + word;
        jdbc.execute("ALTER TABLE customer_view ADD CONSTRAINT " + constraint + " CHECK (customer_id <> '"
                + customer.value() + "' OR status = 'ERASED') NOT VALID");
        try {
            ledger.publish(keys.registered(customer, "Erin " + word, word + "@example.org"), "Customer");
            eventually("/api/admin/parked-events?projection={group}&status=PARKED",
                    found -> found.findValuesAsText("aggregateId").contains(customer.value()), ProjectionGroups.SQL);
            ledger.erase(customer);
            // the erasure went past the parked registration: the SQL projection has consumed everything
            eventually("/api/admin/projections", found -> found.findParents("name").stream()
                    .anyMatch(status -> ProjectionGroups.SQL.equals(status.path("name").asText())
                            && status.path("lagEvents").asLong() == 0));
        } finally {
            jdbc.execute("ALTER TABLE customer_view DROP CONSTRAINT " + constraint);
        }

        JsonNode parked = get("/api/admin/parked-events?projection={group}&status=PARKED", ProjectionGroups.SQL);
        ResponseEntity<String> retried = http.postForEntity("/api/admin/parked-events/{id}/retry", null, String.class,
                firstOf(parked, customer.value()).path("id").asLong());

        JsonNode view = get("/api/customers/{id}", customer);
        assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("ERASED");
        assertThat(view.path("name").isNull()).as(view.toString()).isTrue();
        assertThat(view.path("email").isNull()).as(view.toString()).isTrue();
        // the registration, then the erasure once more
        assertThat(body(retried).path("applied").asInt()).as(retried.getBody()).isEqualTo(2);
    }

    private void assertErased(CustomerId customer, AccountId account, String word) {
        JsonNode view = eventually("/api/customers/{id}", found -> "ERASED".equals(found.path("status").asText()),
                customer);
        assertThat(view.path("name").isNull()).as(view.toString()).isTrue();
        assertThat(view.path("email").isNull()).as(view.toString()).isTrue();
        JsonNode accountView = eventually("/api/accounts/{id}", found -> found.path("ownerName").isNull(), account);
        JsonNode hits = eventually("/api/search/accounts?q={q}",
                found -> found.path("total").asLong() == 1 && found.path("hits").get(0).path("ownerName").isNull()
                        && found.path("hits").get(0).path("ownerEmail").isNull(),
                account.value());
        eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 0, word);
        assertThat(view.toString() + accountView + hits).doesNotContain(word);
    }

    private void publishUnreadableDetailsChange(CustomerId customer, long sequence) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, customer.value(),
                    "{\"customerId\": 42, \"name\": [".getBytes(StandardCharsets.UTF_8));
            header(record, LedgerHeaders.EVENT_ID, UUID.randomUUID().toString());
            header(record, LedgerHeaders.EVENT_TYPE, EventTypes.nameOf(CustomerDetailsChanged.class));
            header(record, LedgerHeaders.EVENT_REVISION, "2");
            header(record, LedgerHeaders.AGGREGATE_TYPE, "Customer");
            header(record, LedgerHeaders.AGGREGATE_ID, customer.value());
            header(record, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
            header(record, LedgerHeaders.GLOBAL_POSITION, "1");
            header(record, LedgerHeaders.TIMESTAMP, "2026-03-01T10:00:00Z");
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        ledger.skipSequence(customer.value());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode firstOf(JsonNode parked, String aggregateId) {
        for (JsonNode event : parked) {
            if (aggregateId.equals(event.path("aggregateId").asText())) {
                return event;
            }
        }
        throw new AssertionError("Nothing parked for " + aggregateId + ": " + parked);
    }
}
