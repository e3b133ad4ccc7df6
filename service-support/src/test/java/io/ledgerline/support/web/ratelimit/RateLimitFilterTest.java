package io.ledgerline.support.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.testing.SettableClock;
import java.security.Principal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final SettableClock clock = new SettableClock();
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimiter(1, 2, 1_000, clock), json,
            request -> request.getRequestURI().startsWith("/api/"));

    @Test
    void answersTooManyRequestsWithRetryAfterAndRunsNothing() throws Exception {
        send(command("10.0.0.1"));
        send(command("10.0.0.1"));

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(command("10.0.0.1"), response, chain);

        assertThat(chain.getRequest()).as("the command went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() throws Exception {
        RateLimitFilter slow = new RateLimitFilter(new RateLimiter(0.25, 1, 1_000, clock), json, request -> true);
        slow.doFilter(command("10.0.0.1"), new MockHttpServletResponse(), new MockFilterChain());

        MockHttpServletResponse response = new MockHttpServletResponse();
        slow.doFilter(command("10.0.0.1"), response, new MockFilterChain());

        assertThat(response.getHeader("Retry-After")).isEqualTo("4");
    }

    @Test
    void letsTheSubjectGoOnOnceTokensRefilled() throws Exception {
        send(command("10.0.0.1"));
        send(command("10.0.0.1"));
        assertThat(send(command("10.0.0.1")).getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));

        assertThat(send(command("10.0.0.1")).getStatus()).isEqualTo(200);
    }

    @Test
    void limitsEachAuthenticatedSubjectApartFromItsAddress() throws Exception {
        MockHttpServletRequest ada = command("10.0.0.1");
        ada.setUserPrincipal(principal("ada"));
        send(ada);
        send(ada);
        assertThat(send(ada).getStatus()).isEqualTo(429);

        MockHttpServletRequest grace = command("10.0.0.1");
        grace.setUserPrincipal(principal("grace"));

        assertThat(send(grace).getStatus()).as("another subject behind the same address").isEqualTo(200);
        assertThat(send(command("10.0.0.1")).getStatus()).as("the address without a principal").isEqualTo(200);
    }

    @Test
    void everyLimitedAnswerCarriesTheRateLimitHeaderFields() throws Exception {
        MockHttpServletResponse first = send(command("10.0.0.1"));

        assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("1");
        assertThat(first.getHeader("RateLimit-Reset")).as("seconds until the bucket is full again").isEqualTo("1");

        send(command("10.0.0.1"));
        MockHttpServletResponse refused = send(command("10.0.0.1"));

        assertThat(refused.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("2");
    }

    @Test
    void anAnswerTheServiceDoesNotLimitCarriesNoRateLimitHeaders() throws Exception {
        MockHttpServletResponse response = send(request("GET", "/actuator/health"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Limit")).isNull();
    }

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest command(String address) {
        MockHttpServletRequest request = request("POST", "/api/accounts/a/deposits");
        request.setRemoteAddr(address);
        return request;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("10.0.0.9");
        return request;
    }

    private static Principal principal(String name) {
        return () -> name;
    }
}
