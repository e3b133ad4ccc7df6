package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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

    String customerId;

    @BeforeEach
    void registerCustomer() throws Exception {
        customerId = registerCustomer("Ada Lovelace", "ada-" + UUID.randomUUID() + "@example.org");
    }

    @Nested
    class WhenTheRequestIsValid {

        @Test
        void answersCreatedWithTheAccountIdVersionZeroAndItsLocationOnTheQuerySide() throws Exception {
            ResponseEntity<String> response = post(account(customerId, "EUR", null));

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
            String accountId = openAccount(account(customerId, "JPY", "\"500\""));

            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT sequence_number, type, payload_type, payload_revision, payload
                    FROM domain_event_entry WHERE aggregate_identifier = ?""", accountId);
            assertThat(row).containsEntry("sequence_number", 0L)
                    .containsEntry("type", "Account")
                    .containsEntry("payload_type", "io.ledgerline.events.AccountOpened")
                    .containsEntry("payload_revision", "1");
            JsonNode payload = json.readTree((byte[]) row.get("payload"));
            assertThat(payload.path("accountId").asText()).isEqualTo(accountId);
            assertThat(payload.path("customerId").asText()).isEqualTo(customerId);
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
            assertRefused("{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\",\"balance\":\"1000000\"}",
                    HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
        }

        @Test
        void refusesAMissingCurrency() throws Exception {
            assertRefused("{\"customerId\":\"" + customerId + "\"}", HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void refusesAnUnknownCurrencyCode() throws Exception {
            assertRefused(account(customerId, "ZZZ", null), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void refusesACurrencyTheLedgerDoesNotKeep() throws Exception {
            assertRefused(account(customerId, "SEK", null),
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNSUPPORTED_CURRENCY");
        }

        @Test
        void refusesANegativeOverdraftLimit() throws Exception {
            assertRefused(account(customerId, "EUR", "\"-1\""),
                    HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_OVERDRAFT_LIMIT");
        }

        @Test
        void refusesAnOverdraftLimitWithMoreDecimalsThanTheCurrencyHas() throws Exception {
            assertRefused(account(customerId, "EUR", "10.001"),
                    HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_OVERDRAFT_LIMIT");
        }

        @Test
        void refusesAnAccountForAnUnknownCustomer() throws Exception {
            assertRefused(account("no-such-customer", "EUR", null), HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_CUSTOMER");
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

    @Nested
    class RegisteringCustomers {

        @Test
        void answersCreatedWithTheCustomerIdAndVersionZero() throws Exception {
            ResponseEntity<String> response = postTo("/api/customers",
                    "{\"name\":\"Grace Hopper\",\"email\":\"grace-" + UUID.randomUUID() + "@example.org\"}");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.path("customerId").asText()).isNotBlank();
            assertThat(body.path("version").asLong()).isZero();
            assertThat(response.getHeaders().getLocation()).hasToString(
                    "http://query.example:8082/api/customers/" + body.path("customerId").asText());
        }

        @Test
        void refusesASecondCustomerWithTheSameEmailAsAConflict() throws Exception {
            String email = "twice-" + UUID.randomUUID() + "@example.org";
            registerCustomer("First", email);

            ResponseEntity<String> response = postTo("/api/customers",
                    "{\"name\":\"Second\",\"email\":\"" + email + "\"}");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo("DUPLICATE_EMAIL");
        }

        @Test
        void refusesAnInvalidEmailByRule() throws Exception {
            ResponseEntity<String> response = postTo("/api/customers", "{\"name\":\"N\",\"email\":\"not-an-email\"}");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo("INVALID_EMAIL");
        }
    }

    private String registerCustomer(String name, String email) throws Exception {
        ResponseEntity<String> response = postTo("/api/customers",
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("customerId").asText();
    }

    private static String account(String customerId, String currency, String overdraftLimitJson) {
        return "{\"customerId\":\"" + customerId + "\",\"currency\":\"" + currency + "\""
                + (overdraftLimitJson == null ? "" : ",\"overdraftLimit\":" + overdraftLimitJson) + "}";
    }

    private String openAccount(String body) throws Exception {
        ResponseEntity<String> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> post(String body) {
        return postTo("/api/accounts", body);
    }

    private ResponseEntity<String> postTo(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
