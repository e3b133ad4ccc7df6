package io.ledgerline.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import io.ledgerline.testsupport.hostile.HostileHttp;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.testsupport.security.TokenAttacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tokens that must not be accepted, and the development issuer that hands out the ones that are. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenAttacksIT {

    private static final HttpClient HTTP = ContractCheckedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), ApiContract.commandSide());
    private static final List<String> TARGETS = List.of(
            "POST /api/accounts/{account}/deposits {\"amount\":\"5\",\"currency\":\"EUR\"}",
            "POST /api/customers {\"name\":\"Mallory\",\"email\":\"mallory-{random}@example.org\"}",
            "POST /api/transfers {\"fromAccountId\":\"{account}\",\"toAccountId\":\"{account}2\",\"amount\":\"1\",\"currency\":\"EUR\"}",
            "GET /api/audit/accounts/{account}/events -",
            "POST /api/admin/republish?fromPosition=999999999999 -");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestTokens tokens;

    String accountId;

    @BeforeEach
    void anAccount() throws Exception {
        String customerId = json.readTree(http.postForEntity("/api/customers", json.readTree(
                "{\"name\":\"Ada\",\"email\":\"ada-" + UUID.randomUUID() + "@example.org\"}"), String.class).getBody())
                .path("customerId").asText();
        accountId = json.readTree(http.postForEntity("/api/accounts", json.readTree(
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}"), String.class).getBody())
                .path("accountId").asText();
    }

    static Stream<Arguments> attacks() throws Exception {
        return TokenAttacks.all().entrySet().stream().flatMap(attack -> TARGETS.stream()
                .map(target -> Arguments.of(attack.getKey(), attack.getValue(), target)));
    }

    @ParameterizedTest(name = "{0} token: {2}")
    @MethodSource("attacks")
    void refusesTheTokenAndChangesNothing(String attack, String token, String target) throws Exception {
        long before = totalEvents();

        HttpResponse<String> response = send(target, token.isEmpty() ? null : token);

        TokenAttacks.assertUnauthenticated(response, json);
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void acceptsTheSameTokenWhenNothingIsWrongWithIt() throws Exception {
        Instant now = Instant.now();
        String valid = TokenAttacks.signed(TokenAttacks.serviceKey(), TokenAttacks.ISSUER, now, now.plusSeconds(600));

        HttpResponse<String> response = send(TARGETS.get(0), valid);
        assertThat(response.statusCode()).as(response.headers().firstValue("WWW-Authenticate").orElse(response.body()))
                .isEqualTo(200);
    }

    @Nested
    class WhatAnonymousCallersSee {

        @ParameterizedTest
        @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
        void healthTellsAnonymousCallersOnlyTheStatus(String path) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body()).properties()).as(response.body())
                    .extracting(java.util.Map.Entry::getKey).containsExactly("status");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness"})
        void healthShowsAdministratorsTheComponents(String path) throws Exception {
            String admin = tokens.token("operator", List.of("ADMIN"), null);

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(json.readTree(response.body()).path("components").path("kafka").path("status").asText())
                    .as(response.body()).isEqualTo("UP");
        }

        @ParameterizedTest(name = "declared length {0} (-1: chunked)")
        @ValueSource(longs = {60_000, -1})
        void anUnfinishedBodyWithoutATokenIsRefusedBeforeItIsRead(long declared) {
            HostileHttp anonymous = new HostileHttp(URI.create(http.getRootUri()), java.util.Optional::empty,
                    ApiContract.commandSide());

            HostileHttp.Answer answer = anonymous.sendUnfinished("POST", "/api/customers", declared, Duration.ofSeconds(10));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        }
    }

    @Nested
    class DevelopmentIssuer {

        @Test
        void issuesATokenThatBothAuthenticatesAndAuthorizes() throws Exception {
            HttpResponse<String> issued = post("/api/dev/tokens",
                    "{\"subject\":\"teller-7\",\"roles\":[\"TELLER\"],\"ttlSeconds\":600}");
            assertThat(issued.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(issued.body());
            assertThat(Instant.parse(body.path("expiresAt").asText()))
                    .isBetween(Instant.now().plusSeconds(540), Instant.now().plusSeconds(660));

            assertThat(send(TARGETS.get(0), body.path("token").asText()).statusCode()).isEqualTo(200);
            assertThat(send(TARGETS.get(3), body.path("token").asText()).statusCode()).isEqualTo(403);
        }

        @Test
        void issuesATokenForABenchRunByDefault() throws Exception {
            JsonNode body = json.readTree(post("/api/dev/tokens", "{\"subject\":\"bench\",\"roles\":[\"TELLER\"]}").body());

            assertThat(Instant.parse(body.path("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(7)));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "", "{", "[]", "{\"roles\":[\"TELLER\"]}", "{\"subject\":\"x\"}", "{\"subject\":\"x\",\"roles\":[]}",
                "{\"subject\":\"x\",\"roles\":[\"ROOT\"]}", "{\"subject\":\" \",\"roles\":[\"TELLER\"]}",
                "{\"subject\":\"x y\",\"roles\":[\"TELLER\"]}", "{\"subject\":\"x\",\"roles\":\"TELLER\"}",
                "{\"subject\":\"x\",\"roles\":[\"TELLER\"],\"ttlSeconds\":0}",
                "{\"subject\":\"x\",\"roles\":[\"TELLER\"],\"ttlSeconds\":99999999}",
                "{\"subject\":\"x\",\"roles\":[\"TELLER\"],\"ttlSeconds\":\"soon\"}",
                "{\"subject\":\"x\",\"roles\":[\"TELLER\"],\"admin\":true}"})
        void refusesABadRequestWith400(String body) throws Exception {
            HttpResponse<String> response = post("/api/dev/tokens", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json.readTree(response.body()).path("code").asText()).isIn("MALFORMED_REQUEST", "INVALID_REQUEST");
        }

        private HttpResponse<String> post(String path, String body) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> send(String target, String token) throws Exception {
        String[] parts = target.replace("{account}", accountId).replace("{random}", UUID.randomUUID().toString())
                .split(" ", 3);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + parts[1]))
                .header("Content-Type", "application/json").method(parts[0], parts[2].equals("-")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(parts[2]));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
