package io.ledgerline.command.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.util.UUID;
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
 * The rate limit over HTTP: a burst of three commands, each answered with the RateLimit header fields,
 * then 429 with Retry-After and nothing stored.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledgerline.links.query-base-url=http://query.example:8082",
        // one token every 100 s: the fourth command within the test is over the limit, however slow the machine
        "ledgerline.rate-limit.requests-per-second=0.01", "ledgerline.rate-limit.burst=3"})
class RateLimitIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void aCommandBeyondTheBurstIsAnsweredTooManyRequestsAndRunsNothing() throws Exception {
        String customerId = json.readTree(post("/api/customers", "{\"name\":\"Ada\",\"email\":\"ada-" + UUID.randomUUID()
                + "@example.org\"}", "first").getBody()).path("customerId").asText();
        String accountId = json.readTree(post("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}",
                "second").getBody()).path("accountId").asText();
        ResponseEntity<String> third = post("/api/accounts/" + accountId + "/deposits",
                "{\"amount\":\"1\",\"currency\":\"EUR\"}", "third");
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(third.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
        assertThat(third.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(third.getHeaders().getFirst("RateLimit-Reset"))).isBetween(1L, 300L);
        long events = events();

        ResponseEntity<String> refused = post("/api/accounts/" + accountId + "/deposits",
                "{\"amount\":\"1\",\"currency\":\"EUR\"}", "fourth");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 100L);
        assertThat(refused.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(events()).as("no event stored").isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key LIKE 'fourth-%'", Long.class))
                .as("no idempotency key recorded").isZero();
    }

    @Test
    void readsAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            ResponseEntity<String> read = http.getForEntity("/api/audit/accounts/{id}/events", String.class, UUID.randomUUID());
            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(read.getHeaders().containsKey("RateLimit-Limit")).as("no limit, so no limit's header").isFalse();
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private ResponseEntity<String> post(String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", idempotencyKey + "-" + UUID.randomUUID());
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
