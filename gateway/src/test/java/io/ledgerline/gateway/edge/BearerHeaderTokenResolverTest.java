package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver without a regular expression must find, pass over and refuse exactly what Spring Security's finds. */
class BearerHeaderTokenResolverTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_~+/";

    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();
    private final BearerTokenResolver fast = new BearerHeaderTokenResolver();

    @Test
    void resolvesAWellFormedHeaderTokenWithoutTheStandardResolver() {
        BearerTokenResolver refusingStandard = request -> {
            throw new AssertionError("the standard resolver was asked");
        };

        String token = new BearerHeaderTokenResolver(refusingStandard).resolve(post("Bearer " + TOKEN + "=="));

        assertThat(token).isEqualTo(TOKEN + "==");
    }

    @Test
    void answersEveryAuthorizationHeaderAsTheStandardResolverDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN,
                "Bearer " + TOKEN + "=", "Bearer " + TOKEN + "==", "Bearer =", "Bearer ", "Bearer", "Bearerx",
                "Bearer  " + TOKEN, "Bearer " + TOKEN + " ", " Bearer " + TOKEN, "Bearer\t" + TOKEN, "Bearer a=b",
                "Bearer " + TOKEN + "\n", "Bearer a\nb", "Bearer a,b", "Bearer a b", "Bearer \u00E9", "Bearer \u212A",
                "Bearer \u017F", "Be\u212Arer a", "Basic dXNlcjpwYXNz", "Token abc", "", "B", "bearer", "Bearer ab=c="));
        Random random = new Random(21);
        String alphabet = "aZ09-._~+/= \t\n,;\"\u00E9\u212A\u017FBbEeRr";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bEaReR ");
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            for (String method : List.of("GET", "POST")) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/accounts/a");
                request.addHeader("Authorization", header);
                assertThat(answer(fast, request)).as("%s %s", method, header).isEqualTo(answer(standard, request));
            }
        }
    }

    @Test
    void answersNoHeaderAndTokensInParametersAsTheStandardResolverDoes() {
        List<MockHttpServletRequest> requests = new ArrayList<>();
        requests.add(new MockHttpServletRequest("GET", "/api/accounts/a"));
        MockHttpServletRequest queryToken = new MockHttpServletRequest("GET", "/api/accounts/a");
        queryToken.setQueryString("access_token=" + TOKEN);
        queryToken.addParameter("access_token", TOKEN);
        requests.add(queryToken);
        MockHttpServletRequest both = new MockHttpServletRequest("GET", "/api/accounts/a");
        both.addHeader("Authorization", "Bearer " + TOKEN);
        both.setQueryString("access_token=" + TOKEN);
        both.addParameter("access_token", TOKEN);
        requests.add(both);
        MockHttpServletRequest form = post("Bearer " + TOKEN);
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", TOKEN);
        requests.add(form);
        for (MockHttpServletRequest request : requests) {
            assertThat(answer(fast, request)).as("%s ?%s", request.getMethod(), request.getQueryString())
                    .isEqualTo(answer(standard, request));
        }
    }

    private static MockHttpServletRequest post(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/accounts/a/deposits");
        request.addHeader("Authorization", authorization);
        return request;
    }

    /** The token, none, or the refusal's error code and description. */
    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
