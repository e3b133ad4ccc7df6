package io.ledgerline.command.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The audit API over HTTP, against histories written through the command API into the real event store. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeTravelIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    String correlationId;
    String customerId;

    @BeforeEach
    void registerCustomer() throws Exception {
        correlationId = "time-travel-" + UUID.randomUUID();
        customerId = json.readTree(command(HttpMethod.POST, "/api/customers",
                "{\"name\":\"Grace\",\"email\":\"grace-" + UUID.randomUUID() + "@example.org\"}").getBody())
                .path("customerId").asText();
    }

    @Nested
    class Accounts {

        String accountId;
        /** The balance the command API answered, by the version it answered. */
        final Map<Long, String> balances = new LinkedHashMap<>();

        @BeforeEach
        void bookAHistory() throws Exception {
            accountId = openAccount();
            balances.put(0L, "0.00");
            book("/deposits", "100", "100.00");
            book("/withdrawals", "30", "70.00");
            book("/freeze", null, "70.00");
            book("/deposits", "5", "75.00");
            assertThat(version(command(HttpMethod.PUT, account("/overdraft-limit"), "{\"limit\":\"50\"}"))).isEqualTo(5);
            balances.put(5L, "75.00");
            book("/unfreeze", null, "75.00");
            book("/withdrawals", "100", "-25.00");
        }

        @Test
        void answersTheBalanceOfEveryVersion() throws Exception {
            for (Map.Entry<Long, String> expected : balances.entrySet()) {
                JsonNode state = ok(audit("/state?version=" + expected.getKey()));

                assertThat(state.path("balance").asText()).as("version %s", expected.getKey())
                        .isEqualTo(expected.getValue());
                assertThat(state.path("version").asLong()).isEqualTo(expected.getKey());
                assertThat(state.path("currency").asText()).isEqualTo("EUR");
                assertThat(state.path("balance").isTextual()).as("a decimal string like the query side's").isTrue();
            }
        }

        @Test
        void answersStatusLimitAndAvailableBalanceAsTheyWere() throws Exception {
            JsonNode frozen = ok(audit("/state?version=4"));
            assertThat(frozen.path("status").asText()).isEqualTo("FROZEN");
            assertThat(frozen.path("overdraftLimit").asText()).isEqualTo("0.00");

            JsonNode overdrawn = ok(audit("/state?version=7"));
            assertThat(overdrawn.path("status").asText()).isEqualTo("OPEN");
            assertThat(overdrawn.path("overdraftLimit").asText()).isEqualTo("50.00");
            assertThat(overdrawn.path("availableBalance").asText()).isEqualTo("25.00");
        }

        @Test
        void listsTheHistoryOldestFirstWithTypesRevisionsAndMetadata() throws Exception {
            JsonNode page = ok(audit("/events"));

            assertThat(page.path("totalEvents").asLong()).isEqualTo(8);
            List<String> types = new ArrayList<>();
            long expectedSequence = 0;
            for (JsonNode event : page.path("events")) {
                assertThat(event.path("sequence").asLong()).isEqualTo(expectedSequence++);
                assertThat(event.path("metadata").path("correlationId").asText()).isEqualTo(correlationId);
                assertThat(event.path("metadata").path("user").asText()).isEqualTo(TestTokens.STAFF_SUBJECT);
                assertThat(event.path("metadata").path("causationId").asText()).isNotBlank();
                assertThat(event.path("eventId").asText()).isNotBlank();
                types.add(event.path("type").asText());
            }
            assertThat(types).containsExactly("AccountOpened", "MoneyDeposited", "MoneyWithdrawn", "AccountFrozen",
                    "MoneyDeposited", "OverdraftLimitChanged", "AccountUnfrozen", "MoneyWithdrawn");
            JsonNode deposit = page.path("events").get(1);
            assertThat(deposit.path("revision").asText()).isEqualTo("4");
            assertThat(deposit.path("payload").path("balance").path("amount").asText()).isEqualTo("100.00");
            assertThat(deposit.path("payload").has("reference")).isTrue();
            assertThat(deposit.path("payload").has("externalReference")).isTrue();
        }

        @Test
        void pagesFromTheSequenceOfThePage() throws Exception {
            JsonNode page = ok(audit("/events?page=1&size=3"));

            assertThat(page.path("events")).extracting(event -> event.path("sequence").asLong()).containsExactly(3L, 4L, 5L);
            assertThat(ok(audit("/events?page=5&size=3")).path("events")).isEmpty();
        }

        @Test
        void answersTheStateAtAnInstantBetweenEvents() throws Exception {
            List<Instant> timestamps = new ArrayList<>();
            ok(audit("/events")).path("events").forEach(event -> timestamps.add(Instant.parse(event.path("timestamp").asText())));

            JsonNode atThird = ok(audit("/state?asOf=" + timestamps.get(3)));
            assertThat(atThird.path("version").asLong()).isEqualTo(3);
            assertThat(atThird.path("lastEventAt").asText()).isEqualTo(ok(audit("/events")).path("events").get(3)
                    .path("timestamp").asText());

            JsonNode justBeforeFourth = ok(audit("/state?asOf=" + timestamps.get(4).minusNanos(1)));
            assertThat(justBeforeFourth.path("version").asLong()).isEqualTo(3);
            assertThat(justBeforeFourth.path("balance").asText()).isEqualTo("70.00");
            assertThat(justBeforeFourth.path("status").asText()).isEqualTo("FROZEN");

            assertThat(ok(audit("/state?asOf=" + timestamps.get(7).plusSeconds(3600))).path("version").asLong())
                    .isEqualTo(7);
            assertProblem(audit("/state?asOf=" + timestamps.get(0).minusMillis(1)), HttpStatus.NOT_FOUND,
                    "NOT_YET_EXISTING");
        }

        @Test
        void refusesPointsThatAreMissingMalformedOrNotReached() throws Exception {
            assertProblem(audit("/state?version=8"), HttpStatus.NOT_FOUND, "VERSION_NOT_REACHED");
            assertProblem(audit("/state"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/state?version=1&asOf=2026-01-01T00:00:00Z"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/state?asOf=yesterday"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/state?version=-1"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/events?page=-1"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/events?size=0"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
            assertProblem(audit("/events?size=201"), HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void answersNotFoundForAnUnknownIdAndForAnotherKindOfAggregate() throws Exception {
            assertProblem(get("/api/audit/accounts/" + UUID.randomUUID() + "/events"), HttpStatus.NOT_FOUND, "NOT_FOUND");
            assertProblem(get("/api/audit/accounts/" + customerId + "/state?version=0"), HttpStatus.NOT_FOUND, "NOT_FOUND");
        }

        private void book(String path, String amount, String balance) throws Exception {
            String body = amount == null ? null : "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
            ResponseEntity<String> response = command(HttpMethod.POST, account(path), body);
            balances.put(version(response), balance);
        }

        private String account(String path) {
            return "/api/accounts/" + accountId + path;
        }

        private ResponseEntity<String> audit(String path) {
            return get("/api/audit/accounts/" + accountId + path);
        }
    }

    @Nested
    class Customers {

        @Test
        void showsTheDetailsOfEachVersionWhileTheKeyExistsAndTheErasureMarkerEverywhereAfterErasure() throws Exception {
            command(HttpMethod.PUT, "/api/customers/" + customerId,
                    "{\"name\":\"Grace Hopper\",\"email\":\"hopper-" + UUID.randomUUID() + "@example.org\"}");

            assertThat(ok(customer("/state?version=0")).path("name").asText()).isEqualTo("Grace");
            JsonNode changed = ok(customer("/state?version=1"));
            assertThat(changed.path("name").asText()).isEqualTo("Grace Hopper");
            assertThat(changed.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(ok(customer("/events")).path("events").get(1).path("payload").path("name").asText())
                    .isEqualTo("Grace Hopper");

            command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

            JsonNode erased = ok(customer("/state?version=2"));
            assertThat(erased.path("name").asText()).isEqualTo("[erased]");
            assertThat(erased.path("email").asText()).isEqualTo("[erased]");
            assertThat(erased.path("status").asText()).isEqualTo("ERASED");
            // the key is gone: the past shows no personal data either
            JsonNode registered = ok(customer("/state?version=0"));
            assertThat(registered.path("name").asText()).isEqualTo("[erased]");
            assertThat(registered.path("email").asText()).isEqualTo("[erased]");
            JsonNode events = ok(customer("/events")).path("events");
            assertThat(events).extracting(event -> event.path("type").asText())
                    .containsExactly("CustomerRegistered", "CustomerDetailsChanged", "CustomerErased");
            assertThat(events.get(0).path("payload").path("name").asText()).isEqualTo("[erased]");
            assertThat(events.get(1).path("payload").path("email").asText()).isEqualTo("[erased]");
            assertThat(customer("/events").getBody()).doesNotContain("Grace", "hopper-", "v1:", "v2:");
        }

        private ResponseEntity<String> customer(String path) {
            return get("/api/audit/customers/" + customerId + path);
        }
    }

    @Nested
    class Transfers {

        @Test
        void showsATransferRequestedThenCompleted() throws Exception {
            String source = openAccount();
            String destination = openAccount();
            command(HttpMethod.POST, "/api/accounts/" + source + "/deposits", "{\"amount\":\"50\",\"currency\":\"EUR\"}");
            String transferId = json.readTree(command(HttpMethod.POST, "/api/transfers",
                    "{\"fromAccountId\":\"" + source + "\",\"toAccountId\":\"" + destination
                            + "\",\"amount\":\"20\",\"currency\":\"EUR\",\"description\":\"books\"}").getBody())
                    .path("transferId").asText();
            String transfer = "/api/audit/transfers/" + transferId;

            JsonNode completed = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json.readTree(get(transfer + "/state?version=1").getBody()),
                    state -> "COMPLETED".equals(state.path("status").asText()));

            assertThat(completed.path("outcome").isNull()).isTrue();
            JsonNode requested = ok(get(transfer + "/state?version=0"));
            assertThat(requested.path("status").asText()).isEqualTo("REQUESTED");
            assertThat(requested.path("amount").asText()).isEqualTo("20.00");
            assertThat(requested.path("currency").asText()).isEqualTo("EUR");
            assertThat(requested.path("sourceAccountId").asText()).isEqualTo(source);
            JsonNode events = ok(get(transfer + "/events")).path("events");
            assertThat(events).extracting(event -> event.path("type").asText())
                    .containsExactly("TransferRequested", "TransferCompleted");
            assertThat(events).allSatisfy(event ->
                    assertThat(event.path("metadata").path("correlationId").asText()).isEqualTo(correlationId));
        }
    }

    @Test
    void documentsTheAuditAndRepublishEndpointsWithTheirCodes() throws Exception {
        JsonNode paths = ok(get("/v3/api-docs")).path("paths");

        for (String kind : List.of("accounts/{accountId}", "customers/{customerId}", "transfers/{transferId}")) {
            assertThat(paths.path("/api/audit/" + kind + "/events").path("get").path("responses").has("404")).isTrue();
            assertThat(paths.path("/api/audit/" + kind + "/state").path("get").path("responses").path("404")
                    .path("description").asText()).contains("NOT_YET_EXISTING", "VERSION_NOT_REACHED");
        }
        assertThat(paths.path("/api/admin/republish").path("post").path("responses").path("409").path("description")
                .asText()).contains("REPUBLISH_RUNNING");
        assertThat(paths.path("/api/admin/republish/{republishId}").path("get").path("responses").has("200")).isTrue();
    }

    private String openAccount() throws Exception {
        return json.readTree(command(HttpMethod.POST, "/api/accounts",
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}").getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> command(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Correlation-Id", correlationId);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return response;
    }

    private long version(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody()).path("version").asLong();
    }

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    private JsonNode ok(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo(code);
    }
}
