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
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the ledger through the command API and follows it into the read models: an account
 * through Kafka into the SQL read model and the search index, and a transfer into both accounts'
 * statements and the transaction search. Both services run from their runnable jars, as
 * ./run-local runs them, against real servers.
 */
class LedgerEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = ServiceContracts.checked(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), () -> LedgerEndToEndIT.system);
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static LocalSystem system;
    /** A staff token of the development issuer: every API call sends it. */
    private static String token;

    @BeforeAll
    static void startTheSystem() {
        LocalSystemOptions options = LocalSystemOptions.forProject(Path.of(System.getProperty("user.dir")).getParent())
                .withJars(jar("ledgerline.command-side.jar", LocalSystemOptions.COMMAND_SIDE_JAR),
                        jar("ledgerline.query-side.jar", LocalSystemOptions.QUERY_SIDE_JAR));
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        token = system.devToken("end-to-end", "TELLER", "AUDITOR", "ADMIN");
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
                .body().transform(LedgerEndToEndIT::json);
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
        // the owner's name travels sealed; the query side opens it with the key in the command side's database
        await("the owner's name of account " + accountId + " in the read model")
                .atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> json(get(accountUri).body()).path("ownerName").asText(), name -> name.startsWith("End To End "));
    }

    @Test
    void aTransferReachesBothStatementsAndTheSearchIndices() throws Exception {
        String customerId = registerCustomer();
        String from = openAccount(customerId);
        String to = openAccount(customerId);
        HttpResponse<String> deposited = post(system.commandSideUri().resolve("/api/accounts/" + from + "/deposits"),
                "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"description\":\"salary\"}");
        assertThat(deposited.statusCode()).as(deposited.body()).isEqualTo(200);

        HttpResponse<String> accepted = post(system.commandSideUri().resolve("/api/transfers"),
                "{\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to
                        + "\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"description\":\"rent\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String transferId = JSON.readTree(accepted.body()).path("transferId").asText();

        JsonNode transfer = eventually("/api/transfers/" + transferId + "?awaitOutcome=true",
                found -> "COMPLETED".equals(found.path("status").asText()));
        assertThat(transfer.path("fromAccountId").asText()).isEqualTo(from);
        assertThat(transfer.path("toAccountId").asText()).isEqualTo(to);

        JsonNode source = eventually("/api/accounts/" + from + "/transactions",
                found -> found.path("totalItems").asLong() == 2);
        assertThat(source.path("items").get(0).path("type").asText()).isEqualTo("TRANSFER_DEBIT");
        assertThat(source.path("items").get(0).path("amount").asText()).isEqualTo("-30.00");
        assertThat(source.path("items").get(0).path("counterpartyAccountId").asText()).isEqualTo(to);
        assertThat(source.path("items").get(1).path("type").asText()).isEqualTo("DEPOSIT");
        // the description travels sealed under the owner's key; the query side opens it with the key reader
        assertThat(source.path("items").get(1).path("description").asText()).isEqualTo("salary");
        JsonNode destination = eventually("/api/accounts/" + to + "/transactions",
                found -> found.path("totalItems").asLong() == 1);
        assertThat(destination.path("items").get(0).path("type").asText()).isEqualTo("TRANSFER_CREDIT");
        assertThat(destination.path("items").get(0).path("amount").asText()).isEqualTo("30.00");
        assertThat(eventually("/api/accounts/" + from, found -> "70.00".equals(found.path("balance").asText()))
                .path("availableBalance").asText()).isEqualTo("70.00");
        assertThat(eventually("/api/accounts/" + to, found -> "30.00".equals(found.path("balance").asText()))
                .path("status").asText()).isEqualTo("OPEN");

        JsonNode searched = eventually("/api/search/transactions?accountId=" + from,
                found -> found.path("total").asLong() == 2);
        assertThat(searched.path("totalsByType").toString()).contains("TRANSFER_DEBIT").contains("DEPOSIT");
        JsonNode salary = eventually("/api/search/transactions?accountId=" + from + "&q=salary",
                found -> found.path("total").asLong() == 1);
        assertThat(salary.path("hits").get(0).path("description").asText()).isEqualTo("salary");
        JsonNode credits = eventually("/api/search/transactions?accountId=" + to,
                found -> found.path("total").asLong() == 1);
        assertThat(credits.path("hits").get(0).path("transferId").asText()).isEqualTo(transferId);
    }

    private static String openAccount(String customerId) throws Exception {
        HttpResponse<String> opened = post(system.commandSideUri().resolve("/api/accounts"),
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).path("accountId").asText();
    }

    /** GETs from the query side until the answer is 200 and satisfies the condition. */
    private static JsonNode eventually(String path, Predicate<JsonNode> condition) {
        URI uri = system.querySideUri().resolve(path);
        return await(path).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> response = get(uri);
                    return response.statusCode() == 200 ? json(response.body()) : null;
                }, found -> found != null && condition.test(found));
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
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
