package io.ledgerline.command.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests of the command side count against the rate limit. */
class CommandRateLimitTest {

    @Test
    void limitsCommandMethodsUnderTheApiOnly() {
        assertThat(RateLimitConfiguration.isCommand(request("GET", "/api/audit/accounts/a/events"))).isFalse();
        assertThat(RateLimitConfiguration.isCommand(request("POST", "/api/dev/tokens"))).isFalse();
        assertThat(RateLimitConfiguration.isCommand(request("POST", "/actuator/shutdown"))).isFalse();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(RateLimitConfiguration.isCommand(request(method, "/api/customers/c"))).as(method).isTrue();
        }
    }

    @Test
    void anEncodedPathIsJudgedAsTheHandlerSeesIt() {
        MockHttpServletRequest disguised = request("POST", "/api/%64ev/../accounts");
        disguised.setRequestURI("/api/%64ev/../accounts");

        assertThat(RateLimitConfiguration.isCommand(disguised)).isTrue();
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }
}
