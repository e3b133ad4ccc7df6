package io.ledgerline.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.localstack.junit.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What an operator's Prometheus scrapes from the command side, with an ADMIN token. */
@RealInfrastructure(database = "ledgerline_command")
// a Spring Boot test exports no metrics unless asked to: the endpoint would be missing
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusEndpointIT {

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void servesRequestLatencyInSloBucketsAxonsCommandAndProcessorMetricsAndTheConnectionPool() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String unique = UUID.randomUUID().toString();
        ResponseEntity<String> registered = http.exchange("/api/customers", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"Metered\",\"email\":\"metered-" + unique + "@example.org\"}", headers), String.class);
        assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> scraped = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        String metrics = scraped.getBody();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/customers\"[^}]*le=\"0\\.1\"")
                .contains("hikaricp_connections_active")
                .contains("commandBus_successCounter_total{payloadType=\"RegisterCustomerCommand\"}")
                .contains("eventProcessor_latency{")
                // Axon's capacity gauge is left out (ProcessorMetricRegistry)
                .doesNotContain("eventProcessor_capacity")
                // Axon's timers in buckets, not percentiles computed in the service (AxonTimerBuckets)
                .containsPattern("commandBus_successTimer_seconds_bucket\\{[^}]*le=\"0\\.005\"")
                .containsPattern("commandBus_successTimer_seconds_bucket\\{[^}]*payloadType=\"RegisterCustomerCommand\"")
                .doesNotContainPattern("commandBus_successTimer_seconds\\{[^}]*quantile=");
    }

    @Test
    void servesThePublishersKafkaProducerAndAxonsEventStore() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String unique = UUID.randomUUID().toString();
        http.exchange("/api/customers", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"Published\",\"email\":\"published-" + unique + "@example.org\"}", headers), String.class);

        // the producer registers its meters once the publisher has sent a first record
        String metrics = await("the producer's meters in /actuator/prometheus").atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity("/actuator/prometheus", String.class).getBody(),
                        body -> body != null && body.contains("kafka_producer_record_send_total"));

        assertThat(metrics)
                .contains("kafka_producer_record_error_total", "kafka_producer_request_latency_avg")
                .containsPattern("eventProcessor_latency\\{[^}]*processorName=\"kafka-publisher\"")
                .contains("hikaricp_connections_pending", "hikaricp_connections_acquire_seconds");
    }

    @Test
    void isNotForAnonymousScrapers() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
