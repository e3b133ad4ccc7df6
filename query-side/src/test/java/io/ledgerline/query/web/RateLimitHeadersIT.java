package io.ledgerline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.security.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The query side's rate limit over HTTP: every answer under /api/ tells the caller where it stands. */
class RateLimitHeadersIT extends QuerySideIT {

    @Autowired
    TestTokens tokens;

    @Test
    void everyAnswerOfTheApiCarriesTheRateLimitHeaderFieldsOfItsCaller() {
        HttpHeaders caller = new HttpHeaders();
        caller.setBearerAuth(tokens.token("pacing-" + UUID.randomUUID(), List.of(Roles.TELLER), null));

        ResponseEntity<String> first = http.exchange("/api/accounts?size=1", HttpMethod.GET, new HttpEntity<>(caller), String.class);
        ResponseEntity<String> unknown = http.exchange("/api/accounts/{id}", HttpMethod.GET, new HttpEntity<>(caller),
                String.class, UUID.randomUUID());

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("800");
        assertThat(first.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("799");
        assertThat(first.getHeaders().getFirst("RateLimit-Reset")).as("one token of 400 a second, rounded up").isEqualTo("1");
        assertThat(unknown.getStatusCode()).as("an error answer too").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Long.parseLong(unknown.getHeaders().getFirst("RateLimit-Remaining"))).isBetween(0L, 799L);
    }

    @Test
    void healthIsNotLimited() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health/liveness", String.class);

        assertThat(health.getHeaders().containsKey("RateLimit-Limit")).isFalse();
    }
}
