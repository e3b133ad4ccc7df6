package io.ledgerline.query.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Posts GraphQL queries to the query side over HTTP, with the token given or none. */
final class GraphQlClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final ObjectMapper json;

    GraphQlClient(String rootUri, ObjectMapper json) {
        this.endpoint = URI.create(rootUri + "/graphql");
        this.json = json;
    }

    record Answer(int status, String contentType, JsonNode body) {

        JsonNode data() {
            return body.path("data");
        }

        JsonNode errors() {
            return body.path("errors");
        }

        /** The code of the only error; fails when there is none or more than one. */
        String errorCode() {
            if (errors().size() != 1) {
                throw new AssertionError("not one error: " + body);
            }
            return errors().get(0).path("extensions").path("code").asText();
        }
    }

    Answer query(String token, String query, Map<String, Object> variables) throws Exception {
        return post(token, json.writeValueAsString(Map.of("query", query, "variables", variables)));
    }

    Answer post(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), answer);
    }
}
