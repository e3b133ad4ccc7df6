package io.ledgerline.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboard and the alert rules read is served by a real service: both run as
 * ./run-local runs them, money moves (so that the meters made on first use exist) and both
 * services' /actuator/prometheus are scraped. Only the gateway's metrics are expected later.
 */
class OperationsDocumentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalSystem system;
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        Path checkout = Path.of(System.getProperty("user.dir")).getParent();
        LocalSystemOptions options = LocalSystemOptions.forProject(checkout)
                .withJars(jar(checkout, "ledgerline.command-side.jar", LocalSystemOptions.COMMAND_SIDE_JAR),
                        jar(checkout, "ledgerline.query-side.jar", LocalSystemOptions.QUERY_SIDE_JAR));
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        token = system.devToken("operator", "TELLER", "ADMIN");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertRulesIsServedByAService() throws Exception {
        moveMoney();
        Set<String> used = OperationsDocuments.metricNames();
        assertThat(used).as("the documents read metrics").hasSizeGreaterThan(10);

        Set<String> missing = await("every metric the documents use, in a scrape").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> missing(used), Set::isEmpty);

        assertThat(missing).isEmpty();
    }

    private static Set<String> missing(Set<String> used) throws IOException, InterruptedException {
        Set<String> served = new TreeSet<>();
        served.addAll(scrape(system.commandSideUri()));
        served.addAll(scrape(system.querySideUri()));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(served);
        missing.removeAll(OperationsDocuments.EXPECTED_LATER);
        return missing;
    }

    /** The names of the samples in one scrape. */
    private static Set<String> scrape(URI service) throws IOException, InterruptedException {
        HttpResponse<String> scraped = HTTP.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        scraped.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static void moveMoney() throws Exception {
        String unique = UUID.randomUUID().toString();
        HttpResponse<String> registered = post("/api/customers",
                "{\"name\":\"Operator " + unique.substring(0, 8) + "\",\"email\":\"operator-" + unique + "@example.org\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String customerId = JSON.readTree(registered.body()).path("customerId").asText();
        String from = openAccount(customerId);
        String to = openAccount(customerId);
        HttpResponse<String> deposited = post("/api/accounts/" + from + "/deposits",
                "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"description\":\"salary\"}");
        assertThat(deposited.statusCode()).as(deposited.body()).isEqualTo(200);
        HttpResponse<String> transferred = post("/api/transfers", "{\"fromAccountId\":\"" + from + "\",\"toAccountId\":\""
                + to + "\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"description\":\"rent\"}");
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(202);
        // a refused command: Axon's failure counter exists once a command failed
        HttpResponse<String> refused = post("/api/accounts/" + to + "/withdrawals",
                "{\"amount\":\"1000.00\",\"currency\":\"EUR\",\"description\":\"too much\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    }

    private static String openAccount(String customerId) throws Exception {
        HttpResponse<String> opened = post("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).path("accountId").asText();
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(system.commandSideUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path jar(Path checkout, String property, String defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : checkout.resolve(defaultInCheckout);
    }
}
