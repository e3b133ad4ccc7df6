package io.ledgerline.command.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimiter(1, 2, 1_000, clock), json);

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
        RateLimitFilter slow = new RateLimitFilter(new RateLimiter(0.25, 1, 1_000, clock), json);
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
    void limitsCommandMethodsUnderTheApiOnly() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send(request("GET", "/api/audit/accounts/a/events")).getStatus()).isEqualTo(200);
            assertThat(send(request("POST", "/api/dev/tokens")).getStatus()).isEqualTo(200);
            assertThat(send(request("POST", "/actuator/shutdown")).getStatus()).isEqualTo(200);
        }
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            MockHttpServletRequest first = request(method, "/api/customers/c");
            first.setRemoteAddr("10.0.0." + method.length());
            send(first);
            send(first);
            assertThat(send(first).getStatus()).as(method).isEqualTo(429);
        }
    }

    @Test
    void anEncodedPathIsJudgedAsTheHandlerSeesIt() throws Exception {
        MockHttpServletRequest disguised = request("POST", "/api/%64ev/../accounts");
        disguised.setRequestURI("/api/%64ev/../accounts");
        send(disguised);
        send(disguised);

        assertThat(send(disguised).getStatus()).isEqualTo(429);
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
