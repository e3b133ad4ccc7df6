package io.ledgerline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka topic is lost: deleted and created again empty. Republishing the event store and
 * rebuilding every read model must bring back exactly what was there before.
 */
class ReplayAfterTopicLossIT {

    private static final String TOPIC = "ledger.events";
    private static final int PARTITIONS = 3;
    private static final List<String> READ_MODELS = List.of("ledgerline-query-sql", "ledgerline-query-search-accounts",
            "ledgerline-query-search-transactions", "ledgerline-query-search-audit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = ServiceContracts.checked(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), () -> ReplayAfterTopicLossIT.system);
    private static final Duration EVENTUALLY = Duration.ofMinutes(3);

    private static LocalSystem system;
    /** A staff token of the development issuer: every API call sends it. */
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        LocalSystemOptions options = LocalSystemOptions.forProject(project)
                .withJars(jar("ledgerline.command-side.jar", project.resolve(LocalSystemOptions.COMMAND_SIDE_JAR)),
                        jar("ledgerline.query-side.jar", project.resolve(LocalSystemOptions.QUERY_SIDE_JAR)));
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        token = system.devToken("replay-after-topic-loss", "TELLER", "AUDITOR", "ADMIN");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    private static Path jar(String property, Path defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : defaultInCheckout;
    }

    @Test
    void republishAndRebuildRestoreIdenticalReadModelsAfterTheTopicIsLost() throws Exception {
        String customer = created(post(command("/api/customers"),
                "{\"name\":\"Topic Loss " + UUID.randomUUID().toString().substring(0, 8) + "\",\"email\":\"loss-"
                        + UUID.randomUUID() + "@example.org\"}"), "customerId");
        String from = created(post(command("/api/accounts"), "{\"customerId\":\"" + customer + "\",\"currency\":\"EUR\"}"),
                "accountId");
        String to = created(post(command("/api/accounts"), "{\"customerId\":\"" + customer + "\",\"currency\":\"EUR\"}"),
                "accountId");
        ok(post(command("/api/accounts/" + from + "/deposits"),
                "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"description\":\"salary\"}"));
        ok(post(command("/api/accounts/" + from + "/withdrawals"),
                "{\"amount\":\"10.00\",\"currency\":\"EUR\",\"description\":\"cash\"}"));
        HttpResponse<String> transfer = post(command("/api/transfers"), "{\"fromAccountId\":\"" + from
                + "\",\"toAccountId\":\"" + to + "\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"description\":\"rent\"}");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
        String transferId = JSON.readTree(transfer.body()).path("transferId").asText();

        List<String> views = List.of("/api/customers/" + customer, "/api/accounts/" + from, "/api/accounts/" + to,
                "/api/accounts/" + from + "/transactions", "/api/accounts/" + to + "/transactions",
                "/api/transfers/" + transferId, "/api/search/transactions?accountId=" + from,
                "/api/search/transactions?accountId=" + to, "/api/search/accounts?q=" + customer,
                "/api/audit/events?type=AccountOpened", "/api/audit/events?type=MoneyWithdrawn");
        Map<String, JsonNode> before = awaitReadModels(views, Map.of(
                "/api/accounts/" + from, found -> "60.00".equals(found.path("balance").asText()),
                "/api/accounts/" + to, found -> "30.00".equals(found.path("balance").asText()),
                "/api/transfers/" + transferId, found -> "COMPLETED".equals(found.path("status").asText()),
                "/api/search/transactions?accountId=" + from, found -> found.path("total").asLong() == 3,
                "/api/search/transactions?accountId=" + to, found -> found.path("total").asLong() == 1,
                "/api/search/accounts?q=" + customer, found -> found.path("total").asLong() == 2,
                "/api/audit/events?type=AccountOpened", found -> found.path("total").asLong() == 2,
                "/api/audit/events?type=MoneyWithdrawn", found -> found.path("total").asLong() == 1));

        loseTheTopic();
        JsonNode republished = awaitCompleted(post(command("/api/admin/republish?fromPosition=0"), ""),
                system.commandSideUri());
        assertThat(republished.path("eventsPublished").asLong()).isGreaterThanOrEqualTo(10);
        for (String readModel : READ_MODELS) {
            HttpResponse<String> started = post(query("/api/admin/projections/" + readModel + "/rebuild"), "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode rebuilt = awaitCompleted(started, system.querySideUri());
            assertThat(rebuilt.path("eventsDone").asLong()).as(readModel).isGreaterThanOrEqualTo(10);
        }

        for (Map.Entry<String, JsonNode> view : before.entrySet()) {
            JsonNode after = JSON.readTree(get(query(view.getKey())).body());
            assertThat(after).as(view.getKey()).isEqualTo(view.getValue());
        }
    }

    /** Waits until every view answers and the awaited ones show the whole history, then reads them all. */
    private static Map<String, JsonNode> awaitReadModels(List<String> views, Map<String, Predicate<JsonNode>> complete)
            throws Exception {
        for (Map.Entry<String, Predicate<JsonNode>> awaited : complete.entrySet()) {
            await(awaited.getKey()).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        HttpResponse<String> response = get(query(awaited.getKey()));
                        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                    }, found -> found != null && awaited.getValue().test(found));
        }
        Map<String, JsonNode> read = new LinkedHashMap<>();
        for (String path : views) {
            HttpResponse<String> response = get(query(path));
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            read.put(path, JSON.readTree(response.body()));
        }
        return read;
    }

    private static void loseTheTopic() throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
            await("the topic to be gone").atMost(Duration.ofMinutes(1))
                    .until(() -> !admin.listTopics().names().get().contains(TOPIC));
            await("the topic to be created again").atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(ExecutionException.class)
                    .until(() -> {
                        admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
                        return true;
                    });
        }
    }

    private static JsonNode awaitCompleted(HttpResponse<String> started, URI service) throws IOException {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        URI status = service.resolve(started.headers().firstValue("Location").orElseThrow());
        JsonNode ended = await(status.toString()).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(get(status).body()),
                        found -> !found.path("state").asText().matches("RUNNING|SWAPPING"));
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        return ended;
    }

    private static String created(HttpResponse<String> response, String idField) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path(idField).asText();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static URI command(String path) {
        return system.commandSideUri().resolve(path);
    }

    private static URI query(String path) {
        return system.querySideUri().resolve(path);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
