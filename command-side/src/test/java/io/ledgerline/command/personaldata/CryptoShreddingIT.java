package io.ledgerline.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding through the command API against the real event store and Kafka: names and
 * emails leave the command side only sealed, and an erasure deletes the customer's key while the
 * events stay exactly as they were.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CryptoShreddingIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataOpener opener;

    String name;
    String email;
    String newName;
    String newEmail;
    String customerId;

    @BeforeEach
    void registerAndChangeDetails() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        name = "Ada Lovelace " + unique;
        email = "ada-" + unique + "@example.org";
        newName = "Ada King " + unique;
        newEmail = "king-" + unique + "@example.org";
        customerId = json.readTree(command(HttpMethod.POST, "/api/customers", details(name, email)).getBody())
                .path("customerId").asText();
        command(HttpMethod.PUT, "/api/customers/" + customerId, details(newName, newEmail));
    }

    @Test
    void storesAndPublishesNameAndEmailOnlySealed() throws Exception {
        List<StoredEvent> stored = storedEvents();
        assertThat(stored).hasSize(2);
        for (StoredEvent event : stored) {
            assertThat(event.revision()).isEqualTo("2");
            assertNoPersonalDataIn(new String(event.payload(), StandardCharsets.UTF_8));
            JsonNode payload = json.readTree(event.payload());
            assertThat(payload.path("name").asText()).startsWith(PersonalData.SEALED_PREFIX);
            assertThat(payload.path("email").asText()).startsWith(PersonalData.SEALED_PREFIX);
        }
        assertThat(keyRows()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = PublishedRecords.read(Set.of(customerId), found -> found.size() >= 2);
        for (ConsumerRecord<String, byte[]> record : records) {
            assertNoPersonalDataIn(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(header -> assertNoPersonalDataIn(new String(header.value(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void erasureDeletesTheKeyAndLeavesEveryStoredEventAsItWas() throws Exception {
        List<StoredEvent> before = storedEvents();

        command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

        List<StoredEvent> after = storedEvents();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(before);
        assertThat(keyRows()).isZero();
        for (StoredEvent event : before) {
            JsonNode payload = json.readTree(event.payload());
            for (PersonalDataField field : List.of(PersonalDataField.NAME, PersonalDataField.EMAIL)) {
                PersonalData sealed = PersonalData.of(payload.path(field.boundName()).asText());
                assertThat(sealed.isSealed()).isTrue();
                assertThat(opener.open(CustomerId.of(customerId), field, sealed)).isEqualTo(PersonalDataOpener.ERASED);
            }
        }
    }

    @Test
    void erasureFreesTheEmailAndKeepsNoCopyOfItInTheUniquenessTable() {
        command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

        assertThat(jdbc.queryForList("SELECT email FROM customer_registry WHERE customer_id = ?", String.class, customerId))
                .containsExactly((String) null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_registry WHERE email IN (?, ?)", Long.class,
                email, newEmail)).isZero();
        command(HttpMethod.POST, "/api/customers", details("Someone Else", newEmail));
    }

    @Test
    void auditShowsTheDetailsWhileTheKeyExistsAndTheMaskAfterErasure() throws Exception {
        String history = ok("/api/audit/customers/" + customerId + "/events");
        assertThat(history).contains(name, newEmail).doesNotContain(PersonalData.SEALED_PREFIX);

        command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

        String erasedHistory = ok("/api/audit/customers/" + customerId + "/events");
        assertNoPersonalDataIn(erasedHistory);
        assertThat(erasedHistory).doesNotContain(PersonalData.SEALED_PREFIX);
        JsonNode events = json.readTree(erasedHistory).path("events");
        assertThat(events.get(0).path("payload").path("name").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(events.get(1).path("payload").path("email").asText()).isEqualTo(PersonalDataOpener.ERASED);
        for (String version : List.of("0", "1", "2")) {
            String state = ok("/api/audit/customers/" + customerId + "/state?version=" + version);
            assertNoPersonalDataIn(state);
            assertThat(json.readTree(state).path("name").asText()).isEqualTo(PersonalDataOpener.ERASED);
        }
    }

    private void assertNoPersonalDataIn(String text) {
        // fragments no UUID, base64 or id can contain by chance: "ada-" is hex, "Ada" is base64
        assertThat(text).doesNotContain(name, email, newName, newEmail, "Lovelace", "@example.org");
    }

    private record StoredEvent(long globalIndex, long sequence, String eventId, String revision, byte[] payload,
            byte[] metadata) {
    }

    private List<StoredEvent> storedEvents() {
        return jdbc.query("""
                SELECT global_index, sequence_number, event_identifier, payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (row, index) -> new StoredEvent(row.getLong("global_index"), row.getLong("sequence_number"),
                        row.getString("event_identifier"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")), customerId);
    }

    private long keyRows() {
        return jdbc.queryForObject("SELECT count(*) FROM personal_data_keys WHERE customer_id = ?", Long.class,
                customerId);
    }

    private static String details(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    private ResponseEntity<String> command(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return response;
    }

    private String ok(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
