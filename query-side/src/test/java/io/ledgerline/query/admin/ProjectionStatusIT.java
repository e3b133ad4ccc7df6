package io.ledgerline.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.projection.ProjectionGroups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

// a Spring Boot test exports no metrics unless asked to: /actuator/prometheus would be missing
@AutoConfigureObservability
class ProjectionStatusIT extends QuerySideIT {

    @Test
    void reportsEachProjectionsPositionAndLag() throws Exception {
        AccountId account = ledger.account(ledger.customer("Status", "status@example.org"), "EUR");
        ledger.deposit(account, "1.00 EUR", "1.00 EUR", "counted");
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, account);

        JsonNode sql = eventually("/api/admin/projections", all -> {
            JsonNode status = projection(all, ProjectionGroups.SQL);
            return status != null && status.path("lagEvents").asLong() == 0;
        }).findParents("name").stream()
                .filter(status -> ProjectionGroups.SQL.equals(status.path("name").asText()))
                .findFirst().orElseThrow();

        assertThat(sql.path("running").asBoolean()).isTrue();
        assertThat(sql.path("position").asLong()).isPositive();
        assertThat(sql.path("lagSeconds").asLong()).isZero();
        assertThat(sql.path("partitions")).hasSize(3);
        assertThat(sql.has("parkedEvents")).isTrue();
    }

    @Test
    void publishesLagAsMetricsAndProjectionsInHealth() {
        JsonNode metric = eventually("/actuator/metrics/ledgerline.projection.lag.events?tag=projection:{group}",
                found -> true, ProjectionGroups.SQL);
        assertThat(metric.path("measurements").get(0).path("value").isNumber()).isTrue();
        JsonNode health = get("/actuator/health");
        assertThat(health.path("components").path("projections").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void servesLagParkedEventsLatencyBucketsAndTheClientsMetricsToPrometheus() {
        get("/api/admin/projections");

        String metrics = await("the projections' gauges in /actuator/prometheus").atMost(EVENTUALLY)
                .until(() -> http.getForEntity("/actuator/prometheus", String.class).getBody(),
                        body -> body != null && body.contains("ledgerline_projection_lag_events{"));

        assertThat(metrics)
                .contains("ledgerline_projection_lag_events{", "ledgerline_projection_lag_seconds{",
                        "ledgerline_projection_parked{")
                .contains("projection=\"" + ProjectionGroups.SQL + "\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/admin/projections\"[^}]*le=\"0\\.1\"")
                .contains("hikaricp_connections_active")
                .contains("kafka_consumer_fetch_manager_records_lag");
    }

    private static JsonNode projection(JsonNode all, String name) {
        for (JsonNode status : all) {
            if (name.equals(status.path("name").asText())) {
                return status;
            }
        }
        return null;
    }
}
