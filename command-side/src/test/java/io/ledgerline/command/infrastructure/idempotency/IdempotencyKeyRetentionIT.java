package io.ledgerline.command.infrastructure.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
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
 * Idempotency keys on the real database: they expire after the retention
 * (ledgerline.idempotency.retention, 7 days by default), expired ones are swept in bounded batches,
 * and an erasure removes the request hashes of the customer's own requests, which are personal data.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyRetentionIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyKeySweeper sweeper;

    @Nested
    class Retention {

        @Test
        void anExpiredKeyIsTreatedAsNew() {
            String key = UUID.randomUUID().toString();
            ResponseEntity<String> first = send(HttpMethod.POST, "/api/customers", details("first"), key);
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            age(key, Duration.ofDays(7).plusMinutes(1));

            ResponseEntity<String> again = send(HttpMethod.POST, "/api/customers", details("second"), key);

            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(again.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
            assertThat(customerId(again)).isNotEqualTo(customerId(first));
        }

        @Test
        void aKeyWithinTheRetentionStillAnswersAsBefore() {
            String key = UUID.randomUUID().toString();
            String body = details("kept");
            ResponseEntity<String> first = send(HttpMethod.POST, "/api/customers", body, key);
            age(key, Duration.ofDays(6));

            ResponseEntity<String> again = send(HttpMethod.POST, "/api/customers", body, key);

            assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(customerId(again)).isEqualTo(customerId(first));
            assertThat(send(HttpMethod.POST, "/api/customers", details("other"), key).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        void theSweepDeletesExpiredKeysInBoundedBatchesAndKeepsLiveOnes() {
            String caller = "sweep-" + UUID.randomUUID();
            for (int i = 0; i < 25; i++) {
                insert(caller, "expired-" + i, Instant.now().minus(Duration.ofDays(8)));
            }
            insert(caller, "live", Instant.now().minus(Duration.ofDays(1)));

            assertThat(sweeper.deleteExpiredBatch(10)).isEqualTo(10);
            sweeper.sweep();

            assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_key WHERE caller = ?", String.class,
                    caller)).containsExactly("live");
        }

        private void insert(String caller, String key, Instant createdAt) {
            jdbc.update("INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    caller, key, "0".repeat(64), Timestamp.from(createdAt));
        }
    }

    @Nested
    class Erasure {

        @Test
        void removesTheRequestHashesOfTheCustomersRegistrationAndDetailsChanges() {
            String registration = UUID.randomUUID().toString();
            String change = UUID.randomUUID().toString();
            String erased = customerId(send(HttpMethod.POST, "/api/customers", details("erased"), registration));
            send(HttpMethod.PUT, "/api/customers/" + erased, details("changed"), change);
            String otherKey = UUID.randomUUID().toString();
            send(HttpMethod.POST, "/api/customers", details("other"), otherKey);

            send(HttpMethod.POST, "/api/customers/" + erased + "/erasure", null, null);

            assertThat(hashes(registration, change)).containsOnlyNulls().hasSize(2);
            assertThat(hashes(otherKey)).doesNotContainNull().hasSize(1);
        }

        @Test
        void removesTheRequestHashesOfBookingsAndTransfersWhoseTextIsTheOwnersPersonalData() throws Exception {
            String owner = customerId(send(HttpMethod.POST, "/api/customers", details("owner"), null));
            String account = accountOf(owner);
            String otherAccount = accountOf(owner);
            String deposit = UUID.randomUUID().toString();
            String withdrawal = UUID.randomUUID().toString();
            String transfer = UUID.randomUUID().toString();
            send(HttpMethod.POST, "/api/accounts/" + account + "/deposits",
                    "{\"amount\":\"50\",\"currency\":\"EUR\",\"description\":\"Rent March\",\"reference\":\"INV-7\"}", deposit);
            send(HttpMethod.POST, "/api/accounts/" + account + "/withdrawals",
                    "{\"amount\":\"5\",\"currency\":\"EUR\",\"description\":\"Cash\"}", withdrawal);
            send(HttpMethod.POST, "/api/transfers", "{\"fromAccountId\":\"" + account + "\",\"toAccountId\":\""
                    + otherAccount + "\",\"amount\":\"5\",\"currency\":\"EUR\",\"description\":\"Gift\"}", transfer);
            String someoneElses = UUID.randomUUID().toString();
            send(HttpMethod.POST, "/api/accounts/" + accountOf(customerId(send(HttpMethod.POST, "/api/customers",
                    details("else"), null))) + "/deposits", "{\"amount\":\"1\",\"currency\":\"EUR\",\"description\":\"Rent\"}",
                    someoneElses);

            send(HttpMethod.POST, "/api/customers/" + owner + "/erasure", null, null);

            assertThat(hashes(deposit, withdrawal, transfer)).containsOnlyNulls().hasSize(3);
            assertThat(hashes(someoneElses)).doesNotContainNull().hasSize(1);
        }

        private String accountOf(String customerId) throws Exception {
            return json.readTree(send(HttpMethod.POST, "/api/accounts",
                    "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", null).getBody()).path("accountId").asText();
        }

        @Test
        void aRegistrationRetriedAfterTheErasureStillAnswersAsTheFirstTime() {
            String registration = UUID.randomUUID().toString();
            String body = details("retried");
            ResponseEntity<String> first = send(HttpMethod.POST, "/api/customers", body, registration);
            send(HttpMethod.POST, "/api/customers/" + customerId(first) + "/erasure", null, null);

            ResponseEntity<String> again = send(HttpMethod.POST, "/api/customers", body, registration);

            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(customerId(again)).isEqualTo(customerId(first));
        }

        private List<String> hashes(String... keys) {
            return jdbc.queryForList("SELECT request_hash FROM idempotency_key WHERE idempotency_key IN ("
                    + String.join(",", Collections.nCopies(keys.length, "?")) + ")", String.class,
                    (Object[]) keys);
        }
    }

    private void age(String key, Duration age) {
        assertThat(jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE idempotency_key = ?",
                Timestamp.from(Instant.now().minus(age)), key)).isEqualTo(1);
    }

    private String customerId(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody()).path("customerId").asText();
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private static String details(String word) {
        String unique = word + "-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"name\":\"Ida " + unique + "\",\"email\":\"" + unique + "@example.org\"}";
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isFalse();
        return response;
    }
}
