package io.ledgerline.query.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sends hostile and malformed GraphQL requests to the real query side over HTTP: each is refused with a GraphQL
 * error whose extensions.code names the refusal, never a 5xx. Requests refused before execution are answered 400
 * to a client that accepts application/graphql-response+json and 200 to one that accepts application/json only,
 * as the GraphQL over HTTP specification has it; a request that is no GraphQL request at all is 400 (415 for
 * the content type) whatever the client accepts.
 */
class GraphQlHostileQueriesIT extends QuerySideIT {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String DEEP = "{ customer(id: \\\"c\\\") { accounts(first: 1) { edges { node { owner { accounts(first: 1) "
            + "{ edges { node { owner { accounts(first: 1) { pageInfo { hasNextPage } } } } } } } } } } } }";
    private static final String WIDE = "{ accounts(first: 100) { edges { node { statement(first: 100) "
            + "{ edges { node { amount } } } } } } }";

    @Autowired
    TestTokens tokens;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void refusesEachHostileQueryWithItsCodeAndNever5xx() throws Exception {
        Map<String, String> refusals = Map.ofEntries(
                Map.entry(query("{ __typename } #" + "x".repeat(8200)), "QUERY_TOO_LARGE"),
                Map.entry(query(DEEP), "QUERY_TOO_DEEP"),
                Map.entry(query(WIDE), "QUERY_TOO_COMPLEX"),
                Map.entry(query(IntStream.range(0, 31).mapToObj(i -> "a" + i + ": __typename")
                        .collect(Collectors.joining(" ", "{ ", " }"))), "TOO_MANY_ALIASES"),
                Map.entry(query("{ account(id: \\\"a\\\") { id "), "MALFORMED_REQUEST"),
                Map.entry(query("{ account(id: \\\"a\\\") { password } }"), "INVALID_REQUEST"),
                Map.entry(query("mutation { anything }"), "INVALID_REQUEST"),
                Map.entry("{\"query\": \"query($n: Int) { accounts(first: $n) { pageInfo { hasNextPage } } }\", "
                        + "\"variables\": {\"n\": \"many\"}}", "INVALID_REQUEST"));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            for (String accept : new String[] {GRAPHQL_RESPONSE, "application/json"}) {
                HttpResponse<String> answer = post(refusal.getKey(), "application/json", accept);
                String what = refusal.getValue() + " accepting " + accept + ": " + answer.body();
                softly.assertThat(answer.statusCode()).as(what).isEqualTo(accept.equals(GRAPHQL_RESPONSE) ? 400 : 200);
                softly.assertThat(codes(answer)).as(what).containsExactly(refusal.getValue());
                softly.assertThat(json.readTree(answer.body()).path("data").isMissingNode()
                        || json.readTree(answer.body()).path("data").isNull()).as(what).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void refusesWhatIsNoGraphQlRequestWithItsCode() throws Exception {
        String[][] requests = {
                {"[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]", "application/json", "400", "BATCH_NOT_SUPPORTED"},
                {"{ __typename }", "application/json", "400", "MALFORMED_REQUEST"},
                {"{\"query\": ", "application/json", "400", "MALFORMED_REQUEST"},
                {"{}", "application/json", "400", "INVALID_REQUEST"},
                {"{\"query\": 42}", "application/json", "400", "INVALID_REQUEST"},
                {"{\"query\": \"{ __typename }\", \"variables\": [1]}", "application/json", "400", "INVALID_REQUEST"},
                {"{\"query\": \"{ __typename }\"}", "text/plain", "415", "UNSUPPORTED_MEDIA_TYPE"},
                {"query=%7B__typename%7D", "application/x-www-form-urlencoded", "415", "UNSUPPORTED_MEDIA_TYPE"}};
        SoftAssertions softly = new SoftAssertions();
        for (String[] request : requests) {
            for (String accept : new String[] {GRAPHQL_RESPONSE, "application/json"}) {
                HttpResponse<String> answer = post(request[0], request[1], accept);
                String what = request[3] + " for " + request[0] + ": " + answer.body();
                softly.assertThat(answer.statusCode()).as(what).isEqualTo(Integer.parseInt(request[2]));
                softly.assertThat(codes(answer)).as(what).containsExactly(request[3]);
            }
        }
        softly.assertAll();
    }

    @Test
    void refusesABodyAboveTheRequestLimitBeforeReadingIt() throws Exception {
        HttpResponse<String> answer = post(query("{ __typename } #" + "x".repeat(70_000)), "application/json", GRAPHQL_RESPONSE);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void answersAnIntrospectionQueryInTheLocalProfile() throws Exception {
        HttpResponse<String> answer = post(query("{ __schema { queryType { name } } }"), "application/json", GRAPHQL_RESPONSE);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).at("/data/__schema/queryType/name").asText()).isEqualTo("Query");
    }

    @Test
    void answersAQueryWithinEveryLimit() throws Exception {
        HttpResponse<String> answer = post(query("{ __typename }"), "application/json", GRAPHQL_RESPONSE);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).at("/data/__typename").asText()).isEqualTo("Query");
    }

    @Test
    void neverAnswersASubscriptionOverHttpWith5xx() throws Exception {
        HttpResponse<String> answer = post(query("subscription { accountUpdated(accountId: \\\"a\\\") { id } }"),
                "application/json", GRAPHQL_RESPONSE);

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
    }

    private static String query(String document) {
        return "{\"query\": \"" + document + "\"}";
    }

    private HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", contentType).header("Accept", accept)
                .header("Authorization", "Bearer " + tokens.staff())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private java.util.List<String> codes(HttpResponse<String> answer) throws Exception {
        JsonNode errors = json.readTree(answer.body()).path("errors");
        return java.util.stream.StreamSupport.stream(errors.spliterator(), false)
                .map(error -> error.path("extensions").path("code").asText()).toList();
    }
}
