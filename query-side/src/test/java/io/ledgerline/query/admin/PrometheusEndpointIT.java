package io.ledgerline.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.projection.ProjectionGroups;
import io.ledgerline.query.search.SearchConsumerGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator's Prometheus scrapes from the query side, with an ADMIN token. */
// a Spring Boot test exports no metrics unless asked to: the endpoint would be missing (the same
// context as ProjectionStatusIT's, so no third query node joins the consumer groups)
@AutoConfigureObservability
class PrometheusEndpointIT extends QuerySideIT {

    @LocalServerPort
    int port;

    @Test
    void servesTheProgressOfTheLatestRebuildOfEachProjection() throws Exception {
        ledger.account(ledger.customer("Rebuilt Metered", "rebuilt-metered@example.org"), "EUR");
        rebuild(List.of(ProjectionGroups.SQL));

        String sql = "projection=\"" + ProjectionGroups.SQL + "\"";
        String metrics = await("the finished rebuild in /actuator/prometheus").atMost(EVENTUALLY)
                .until(this::scrape, body -> body.contains("ledgerline_rebuild_progress_ratio{" + sql + "} 1.0"));

        assertThat(metrics)
                .contains("ledgerline_rebuild_running{" + sql + "} 0.0")
                .contains("ledgerline_rebuild_failed{" + sql + "} 0.0")
                .containsPattern("ledgerline_rebuild_events_done\\{" + sql + "} [1-9]")
                .containsPattern("ledgerline_rebuild_events_planned\\{" + sql + "} [1-9]")
                .as("a projection never rebuilt has its gauges from the start")
                .contains("ledgerline_rebuild_running{projection=\"" + SearchConsumerGroups.AUDIT + "\"} 0.0");
    }

    @Test
    void servesTheProjectionsKafkaConsumersAndTheConnectionPools() {
        String metrics = await("the consumers' metrics in /actuator/prometheus").atMost(EVENTUALLY)
                .until(this::scrape, body -> body.contains("kafka_consumer_fetch_manager_records_consumed_total"));

        assertThat(metrics)
                .contains("kafka_consumer_fetch_manager_records_lag", "kafka_consumer_coordinator_commit_total")
                .contains("hikaricp_connections_active", "hikaricp_connections_pending",
                        "hikaricp_connections_acquire_seconds");
    }

    @Test
    void isNotForAnonymousScrapers() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String scrape() {
        String body = http.getForEntity("/actuator/prometheus", String.class).getBody();
        return body == null ? "" : body;
    }
}
