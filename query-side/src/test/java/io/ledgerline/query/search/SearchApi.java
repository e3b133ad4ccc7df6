package io.ledgerline.query.search;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Calls the query API and waits until an answer shows what the projections should have produced. */
public final class SearchApi {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    SearchApi(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public JsonNode get(String uri, Object... variables) throws Exception {
        ResponseEntity<String> response = http.getForEntity(uri, String.class, variables);
        if (response.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError(uri + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return json.readTree(response.getBody());
    }

    public JsonNode awaitUntil(Predicate<JsonNode> expected, String uri, Object... variables) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> get(uri, variables), expected);
    }

    public JsonNode problem(String uri, Object... variables) throws Exception {
        ResponseEntity<String> response = http.getForEntity(uri, String.class, variables);
        if (response.getStatusCode() != HttpStatus.BAD_REQUEST) {
            throw new AssertionError(uri + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return json.readTree(response.getBody());
    }
}
