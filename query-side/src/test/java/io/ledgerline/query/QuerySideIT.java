package io.ledgerline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the query side's integration tests share: real servers, HTTP, and a way to publish events. */
@RealInfrastructure(database = "ledgerline_query", elasticsearch = true)
// No test class configures its own context (see src/test/resources/application.properties): a second
// cached context would join the consumer groups like another query node.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideIT {

    protected static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration REBUILT = Duration.ofMinutes(5);

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    private LedgerEventsProducer producer;
    protected LedgerEventsFixture ledger;
    protected CustomerKeys keys;

    @BeforeEach
    void connectToKafka() {
        producer = new LedgerEventsProducer(RealInfrastructureExtension.stack().kafkaBootstrapServers(), json);
        keys = CustomerKeys.inTestKeyStore();
        ledger = new LedgerEventsFixture(producer, keys);
    }

    @AfterEach
    void disconnectFromKafka() {
        producer.close();
    }

    protected JsonNode get(String path, Object... variables) {
        return body(http.getForEntity(path, String.class, variables));
    }

    /** GETs until the answer satisfies the condition, and returns that answer's body. */
    protected JsonNode eventually(String path, Predicate<JsonNode> condition, Object... variables) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    ResponseEntity<String> response = http.getForEntity(path, String.class, variables);
                    return response.getStatusCode() == HttpStatus.OK ? body(response) : null;
                }, found -> found != null && condition.test(found));
    }

    /** Rebuilds the projections from the beginning of ledger.events, all at once, and waits until each completed. */
    protected void rebuild(List<String> projections) {
        List<String> rebuilds = projections.stream().map(projection -> {
            ResponseEntity<String> started = http.postForEntity("/api/admin/projections/{name}/rebuild", null,
                    String.class, projection);
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            return body(started).path("id").asText();
        }).toList();
        for (String rebuild : rebuilds) {
            JsonNode done = await().atMost(REBUILT).pollInterval(Duration.ofMillis(250))
                    .until(() -> get("/api/admin/rebuilds/{id}", rebuild),
                            found -> !found.path("state").asText().matches("RUNNING|SWAPPING"));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        }
    }

    protected JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }
}
