package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledgerline.links.query-base-url=http://query.example:8082")
class OpenAccountApiIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Nested
    class WhenTheRequestIsValid {

        @Test
        void answersCreatedWithTheAccountIdVersionZeroAndItsLocationOnTheQuerySide() throws Exception {
            ResponseEntity<String> response = post("{\"customerId\":\"cust-1\",\"currency\":\"EUR\"}");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode body = json.readTree(response.getBody());
            String accountId = body.path("accountId").asText();
            assertThat(accountId).isNotBlank();
            assertThat(body.path("version").isIntegralNumber()).isTrue();
            assertThat(body.path("version").asLong()).isZero();
            assertThat(response.getHeaders().getLocation())
                    .hasToString("http://query.example:8082/api/accounts/" + accountId);
            assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
        }

        @Test
        void storesAccountOpenedAsReadableJsonInTheEventStore() throws Exception {
            String accountId = openAccount("{\"customerId\":\"cust-2\",\"currency\":\"JPY\",\"overdraftLimit\":\"500\"}");

            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT sequence_number, type, payload_type, payload_revision, payload
                    FROM domain_event_entry WHERE aggregate_identifier = ?""", accountId);
            assertThat(row).containsEntry("sequence_number", 0L)
                    .containsEntry("type", "Account")
                    .containsEntry("payload_type", "io.ledgerline.events.AccountOpened")
                    .containsEntry("payload_revision", "1");
            JsonNode payload = json.readTree((byte[]) row.get("payload"));
            assertThat(payload.path("accountId").asText()).isEqualTo(accountId);
            assertThat(payload.path("customerId").asText()).isEqualTo("cust-2");
            assertThat(payload.path("currency").asText()).isEqualTo("JPY");
            assertThat(payload.path("overdraftLimit").path("amount").asText()).isEqualTo("500");
        }
    }

    @Nested
    class WhenTheRequestIsRefused {

        @Test
        void answersMalformedJsonWithAProblemAndStoresNothing() throws Exception {
            assertRefused("{\"customerId\":", HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        }

        @Test
        void refusesUnknownFields() throws Exception {
            assertRefused("{\"customerId\":\"c\",\"currency\":\"EUR\",\"balance\":\"1000000\"}",
                    HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        }

        @Test
        void refusesAMissingCurrency() throws Exception {
            assertRefused("{\"customerId\":\"c\"}", HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void refusesAnUnknownCurrencyCode() throws Exception {
            assertRefused("{\"customerId\":\"c\",\"currency\":\"ZZZ\"}", HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void refusesACurrencyTheLedgerDoesNotKeep() throws Exception {
            assertRefused("{\"customerId\":\"c\",\"currency\":\"SEK\"}",
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNSUPPORTED_CURRENCY");
        }

        @Test
        void refusesANegativeOverdraftLimit() throws Exception {
            assertRefused("{\"customerId\":\"c\",\"currency\":\"EUR\",\"overdraftLimit\":\"-1\"}",
                    HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_OVERDRAFT_LIMIT");
        }

        @Test
        void refusesAnOverdraftLimitWithMoreDecimalsThanTheCurrencyHas() throws Exception {
            assertRefused("{\"customerId\":\"c\",\"currency\":\"EUR\",\"overdraftLimit\":10.001}",
                    HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_OVERDRAFT_LIMIT");
        }

        @Test
        void refusesAWrongContentType() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.TEXT_PLAIN);
            ResponseEntity<String> response = http.postForEntity("/api/accounts",
                    new HttpEntity<>("customerId=c", headers), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(response.getBody()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }

        private void assertRefused(String body, HttpStatus status, String code) throws Exception {
            long eventsBefore = storedEvents();

            ResponseEntity<String> response = post(body);

            assertThat(response.getStatusCode()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.path("code").asText()).isEqualTo(code);
            assertThat(problem.path("status").asInt()).isEqualTo(status.value());
            assertThat(problem.path("detail").asText()).isNotBlank();
            assertThat(storedEvents()).isEqualTo(eventsBefore);
        }
    }

    @Test
    void reportsReadinessWithTheDatabaseAndKafka() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = json.readTree(response.getBody());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void documentsTheApiWithOpenApi() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"/api/accounts\"");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String openAccount(String body) throws Exception {
        ResponseEntity<String> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/accounts", new HttpEntity<>(body, headers), String.class);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
