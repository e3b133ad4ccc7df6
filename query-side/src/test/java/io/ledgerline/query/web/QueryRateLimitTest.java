package io.ledgerline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.support.web.ratelimit.RateLimitFilter;
import io.ledgerline.support.web.ratelimit.RateLimitProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests of the query side count against the rate limit, and what a caller over it is told. */
class QueryRateLimitTest {

    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimitProperties(true, 0.01, 2, 1_000).limiter(Clock.systemUTC()), Jackson2ObjectMapperBuilder.json().build(),
            RateLimitConfiguration::isQuery);

    @Test
    void limitsEveryMethodUnderTheApi() {
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE"}) {
            assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest(method, "/api/accounts/a"))).as(method).isTrue();
        }
        assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest("GET", "/actuator/health"))).isFalse();
        assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest("GET", "/v3/api-docs"))).isFalse();
    }

    @Test
    void limitsGraphQlQueriesAsRequestsOfTheApi() {
        assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest("POST", "/graphql"))).isTrue();
        assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest("GET", "/graphql"))).isTrue();
        assertThat(RateLimitConfiguration.isQuery(new MockHttpServletRequest("GET", "/graphiql"))).isFalse();
    }

    @Test
    void anEncodedPathIsJudgedAsTheHandlerSeesIt() {
        MockHttpServletRequest disguised = new MockHttpServletRequest("GET", "/v3/%2e%2e/api/accounts");
        disguised.setRequestURI("/v3/%2e%2e/api/accounts");

        assertThat(RateLimitConfiguration.isQuery(disguised)).isTrue();
    }

    @Test
    void aReadBeyondTheBurstIsAnsweredTooManyRequestsAndRunsNothing() throws Exception {
        send();
        send();

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(read(), refused, chain);

        assertThat(chain.getRequest()).as("no query ran").isNull();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("100");
        assertThat(refused.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
    }

    private void send() throws Exception {
        filter.doFilter(read(), new MockHttpServletResponse(), new MockFilterChain());
    }

    private static MockHttpServletRequest read() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts/a");
        request.setRemoteAddr("10.0.0.1");
        return request;
    }
}
