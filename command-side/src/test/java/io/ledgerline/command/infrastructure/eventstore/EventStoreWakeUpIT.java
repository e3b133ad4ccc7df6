package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A REST command appends its events in a transaction of its own (with its idempotency key), which
 * commits after Axon's unit of work has ended. The readers tailing the store, here the Kafka
 * publisher, must still get the events as soon as that transaction commits, not at the store's
 * next timed look, set to a minute here so that waiting for it cannot pass the test.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledgerline.event-store.fetch-delay=1m")
class EventStoreWakeUpIT {

    private static final String PUBLISHER = "kafka-publisher";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void thePublisherGetsACommandsEventsOnceItsTransactionCommits() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        // the publisher has read all there is: nothing else will wake the store's readers meanwhile
        await().atMost(Duration.ofSeconds(60)).until(() -> head == 0 || publishedUpTo() >= head);

        ResponseEntity<String> registered = register();

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long appended = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedUpTo() >= appended);
    }

    private ResponseEntity<String> register() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "wake-up-" + UUID.randomUUID());
        String body = "{\"name\":\"Ada\",\"email\":\"ada-" + UUID.randomUUID() + "@example.org\"}";
        return http.postForEntity("/api/customers", new HttpEntity<>(body, headers), String.class);
    }

    /** The global index the publisher's token has reached (Axon keeps it as JSON), or -1 before its first token. */
    private long publishedUpTo() throws IOException {
        byte[] token = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ? AND token IS NOT NULL",
                (row, index) -> row.getBytes("token"), PUBLISHER).stream().findFirst().orElse(null);
        return token == null ? -1 : json.readTree(token).path("index").asLong(-1);
    }
}
