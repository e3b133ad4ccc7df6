package io.ledgerline.query.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GraphQlHttpEnvelopeTest {

    private final ObjectMapper json = new ObjectMapper();
    private final GraphQlHttpEnvelope envelope = new GraphQlHttpEnvelope("/graphql", json);

    @Test
    void passesAnOperationOnWithItsBodyReadableAgain() throws Exception {
        String body = "{\"query\":\"{ account(id: \\\"a\\\") { id } }\",\"variables\":{\"n\":1},\"operationName\":null}";
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = send(body.getBytes(StandardCharsets.UTF_8), "application/json", chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "[{\"query\":\"{ a }\"},{\"query\":\"{ b }\"}]|400|BATCH_NOT_SUPPORTED",
            "[]|400|BATCH_NOT_SUPPORTED",
            "query { a }|400|MALFORMED_REQUEST",
            "{\"query\":|400|MALFORMED_REQUEST",
            "\"{ a }\"|400|MALFORMED_REQUEST",
            "''|400|MALFORMED_REQUEST",
            "{}|400|INVALID_REQUEST",
            "{\"query\":null}|400|INVALID_REQUEST",
            "{\"query\":42}|400|INVALID_REQUEST",
            "{\"query\":\"  \"}|400|INVALID_REQUEST",
            "{\"query\":\"{ a }\",\"variables\":[1]}|400|INVALID_REQUEST",
            "{\"query\":\"{ a }\",\"variables\":\"{}\"}|400|INVALID_REQUEST",
            "{\"query\":\"{ a }\",\"operationName\":7}|400|INVALID_REQUEST",
            "{\"query\":\"{ a }\",\"extensions\":1}|400|INVALID_REQUEST",
            "{\"query\":\"{ a }\",\"id\":\"persisted\"}|400|INVALID_REQUEST"})
    void refusesAMalformedEnvelopeAsAGraphQlErrorWithACode(String body, int status, String code) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = send(body.getBytes(StandardCharsets.UTF_8), "application/json", chain);

        assertRefused(response, status, code);
        assertThat(chain.getRequest()).as("passed on").isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"text/plain", "application/x-www-form-urlencoded", "application/graphql",
            "application/json;charset=ISO-8859-1", "not a type"})
    void refusesAnotherContentType(String contentType) throws Exception {
        assertRefused(send("{\"query\":\"{ a }\"}".getBytes(StandardCharsets.UTF_8), contentType, new MockFilterChain()),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refusesAMissingContentType() throws Exception {
        assertRefused(send("{\"query\":\"{ a }\"}".getBytes(StandardCharsets.UTF_8), null, new MockFilterChain()),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refusesABodyThatIsNotUtf8() throws Exception {
        byte[] overlong = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}'};

        assertRefused(send(overlong, "application/json", new MockFilterChain()), 400, "MALFORMED_REQUEST");
    }

    @Test
    void answersInTheGraphQlResponseTypeWhenTheClientAcceptsIt() throws Exception {
        MockHttpServletRequest request = post("[]".getBytes(StandardCharsets.UTF_8), "application/json");
        request.addHeader("Accept", "application/graphql-response+json, application/json");
        MockHttpServletResponse response = new MockHttpServletResponse();

        envelope.doFilter(request, response, new MockFilterChain());

        assertThat(response.getContentType()).startsWith("application/graphql-response+json");
    }

    @Test
    void leavesOtherPathsAndMethodsAlone() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/graphql");
        MockHttpServletRequest rest = new MockHttpServletRequest("POST", "/api/accounts");
        rest.setContent("[]".getBytes(StandardCharsets.UTF_8));
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {get, rest}) {
            MockFilterChain chain = new MockFilterChain();
            envelope.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }

    private void assertRefused(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode errors = json.readTree(response.getContentAsByteArray()).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("extensions").path("code").asText()).isEqualTo(code);
        assertThat(errors.get(0).path("message").asText()).isNotBlank();
    }

    private MockHttpServletResponse send(byte[] body, String contentType, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        envelope.doFilter(post(body, contentType), response, chain);
        return response;
    }

    private static MockHttpServletRequest post(byte[] body, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setContent(body);
        if (contentType != null) {
            request.addHeader("Content-Type", contentType);
        }
        return request;
    }
}
