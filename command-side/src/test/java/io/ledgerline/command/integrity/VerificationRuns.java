package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Starts ledger verifications over the API as an auditor's client would, and follows them to their end. */
final class VerificationRuns {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    VerificationRuns(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** @return the accepted verification's Location */
    String start(long from, long to) throws Exception {
        ResponseEntity<String> answer = http.postForEntity("/api/admin/ledger-verifications?fromGlobalIndex=" + from
                + "&toGlobalIndex=" + to, null, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode started = json.readTree(answer.getBody());
        assertThat(started.path("state").asText()).isIn("RUNNING", "COMPLETED");
        assertThat(answer.getHeaders().getLocation()).isNotNull();
        assertThat(answer.getHeaders().getLocation().getPath())
                .isEqualTo("/api/admin/ledger-verifications/" + started.path("id").asText());
        return answer.getHeaders().getLocation().getPath();
    }

    JsonNode read(String location) throws Exception {
        ResponseEntity<String> answer = http.getForEntity(location, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    /** Waits until the verification has ended; it must have COMPLETED. */
    JsonNode completed(String location) throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> !read(location).path("state").asText().equals("RUNNING"));
        JsonNode job = read(location);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("finishedAt").isNull()).isFalse();
        assertThat(job.path("eventsChecked").asLong()).isEqualTo(job.path("report").path("eventsChecked").asLong());
        return job;
    }

    /** The report of a verification of the range, once it has completed. */
    JsonNode report(long from, long to) throws Exception {
        return completed(start(from, to)).path("report");
    }
}
