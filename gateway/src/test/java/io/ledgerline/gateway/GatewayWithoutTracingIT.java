package io.ledgerline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.gateway.forwarding.SideInstances;
import io.ledgerline.gateway.routing.Side;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with tracing switched off ({@code management.tracing.enabled=false}, as the benchmark and
 * {@code ./run-local --no-tracing} run it): requests are forwarded and answered as with tracing on, with
 * no trace context of the gateway's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureObservability(metrics = false)
class GatewayWithoutTracingIT {

    static final Downstream COMMAND = new Downstream("command");
    static final Downstream QUERY = new Downstream("query");

    static {
        COMMAND.start();
        QUERY.start();
    }

    @DynamicPropertySource
    static void nodes(DynamicPropertyRegistry properties) {
        properties.add("spring.cloud.discovery.client.simple.instances.command-side[0].uri", COMMAND::uri);
        properties.add("spring.cloud.discovery.client.simple.instances.query-side[0].uri", QUERY::uri);
        properties.add("spring.cloud.loadbalancer.health-check.interval", () -> "300ms");
        properties.add("ledgerline.security.dev-tokens.key-file", () -> "target/gateway-it/dev-token-key.json");
        properties.add("management.tracing.enabled", () -> "false");
    }

    @AfterAll
    static void stopNodes() {
        COMMAND.stop();
        QUERY.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer issuer;
    @Autowired
    SideInstances instances;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void nodesInTheRotation() {
        await().atMost(Duration.ofSeconds(10)).until(() -> instances.healthy(Side.COMMAND).size() == 1
                && instances.healthy(Side.QUERY).size() == 1);
        COMMAND.reset();
    }

    @Test
    void forwardsADepositWithoutATraceContextOfItsOwn() throws Exception {
        String token = issuer.issue("teller-" + UUID.randomUUID(), List.of("TELLER"), Optional.empty(), Optional.empty()).token();

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/accounts/a-1/deposits"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"10.00\",\"currency\":\"EUR\"}")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"node\":\"command\"");
        assertThat(COMMAND.hits).singleElement().satisfies(hit -> {
            assertThat(hit.body()).isEqualTo("{\"amount\":\"10.00\",\"currency\":\"EUR\"}");
            assertThat(hit.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(hit.header("traceparent")).isNull();
        });
    }

    @Test
    void passesTheCallersTraceContextOnAsItCame() throws Exception {
        String token = issuer.issue("teller-" + UUID.randomUUID(), List.of("TELLER"), Optional.empty(), Optional.empty()).token();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/accounts/a-2/deposits"))
                .header("Authorization", "Bearer " + token).header("traceparent", traceparent)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1.00\",\"currency\":\"EUR\"}")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(COMMAND.hits).singleElement().satisfies(hit -> assertThat(hit.header("traceparent")).isEqualTo(traceparent));
    }

    @Test
    void refusesAMalformedTokenWithAProblemThatNamesNoTrace() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/accounts/a-3/deposits"))
                .header("Authorization", "Bearer not a token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("traceId");
        assertThat(COMMAND.hits).isEmpty();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
