package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registers a customer and opens an account for it through the command API and follows it through Kafka into the SQL read model
 * and the search index of the query side: both services from their runnable jars, real servers.
 */
class AccountSliceEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() {
        LocalSystemOptions options = LocalSystemOptions.forProject(Path.of(System.getProperty("user.dir")).getParent())
                .withJars(jar("ledgerline.command-side.jar", LocalSystemOptions.COMMAND_SIDE_JAR),
                        jar("ledgerline.query-side.jar", LocalSystemOptions.QUERY_SIDE_JAR));
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    private static Path jar(String property, String defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir")).getParent().resolve(defaultInCheckout);
    }

    @Test
    void bothServicesReportUp() throws Exception {
        for (URI service : new URI[] {system.commandSideUri(), system.querySideUri()}) {
            HttpResponse<String> health = get(service.resolve("/actuator/health"));
            assertThat(health.statusCode()).as("health of %s", service).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void anOpenedAccountReachesTheReadModelAndTheSearchIndex() throws Exception {
        String customerId = registerCustomer();

        HttpResponse<String> opened = post(system.commandSideUri().resolve("/api/accounts"),
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.headers().firstValue("Location")).isPresent();
        JsonNode openedBody = JSON.readTree(opened.body());
        String accountId = openedBody.path("accountId").asText();
        assertThat(accountId).isNotBlank();
        assertThat(openedBody.path("version").asLong(-1)).isZero();
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith(accountId);

        URI accountUri = system.querySideUri().resolve("/api/accounts/" + accountId);
        JsonNode account = await("account " + accountId + " in the query side's read model")
                .atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> get(accountUri), response -> response.statusCode() == 200)
                .body().transform(AccountSliceEndToEndIT::json);
        assertThat(account.path("accountId").asText()).isEqualTo(accountId);
        assertThat(account.path("customerId").asText()).isEqualTo(customerId);
        assertThat(account.path("currency").asText()).isEqualTo("EUR");
        assertThat(account.path("balance").isTextual()).as("balance is a decimal string: %s", account).isTrue();
        assertThat(account.path("balance").asText()).isEqualTo("0.00");
        assertThat(account.path("status").asText()).isEqualTo("OPEN");

        URI searchUri = system.querySideUri().resolve("/api/search/accounts?q="
                + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        JsonNode search = await("account " + accountId + " in the search index")
                .atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> json(get(searchUri).body()), found -> containsHit(found, accountId));
        assertThat(search.path("total").asLong()).isPositive();
        JsonNode hit = search.path("hits").get(0);
        assertThat(hit.path("customerId").asText()).isEqualTo(customerId);
        assertThat(hit.path("currency").asText()).isEqualTo("EUR");
    }

    /** Accounts are opened for known customers only. */
    private static String registerCustomer() throws Exception {
        String unique = UUID.randomUUID().toString();
        HttpResponse<String> registered = post(system.commandSideUri().resolve("/api/customers"),
                "{\"name\":\"End To End " + unique.substring(0, 8) + "\",\"email\":\"cust-" + unique + "@example.org\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String customerId = JSON.readTree(registered.body()).path("customerId").asText();
        assertThat(customerId).isNotBlank();
        return customerId;
    }

    private static boolean containsHit(JsonNode search, String accountId) {
        for (JsonNode hit : search.path("hits")) {
            if (accountId.equals(hit.path("accountId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
