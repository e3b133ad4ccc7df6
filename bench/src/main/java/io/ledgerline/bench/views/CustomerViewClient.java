package io.ledgerline.bench.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads one customer view from the query side, either in one GraphQL POST or through the REST calls a client app
 * makes for it without GraphQL: the customer, their accounts, then each account's statement, one after the other
 * (each call waits for the one before, as an app that needs the account ids before it can ask for statements).
 */
public final class CustomerViewClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI querySide;
    private final String token;
    private final int accounts;
    private final int linesPerAccount;
    private final String graphqlBody;
    private final ExecutorService responses = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    /** What one view read, and what it cost on the wire. */
    public record Read(CustomerView view, int httpCalls, long responseBytes) {
    }

    public CustomerViewClient(URI querySide, String token, String customerId, int accounts, int linesPerAccount) {
        this.querySide = querySide;
        this.token = token;
        this.accounts = accounts;
        this.linesPerAccount = linesPerAccount;
        this.graphqlBody = graphqlRequest(customerId, accounts, linesPerAccount);
        // as the load client of the ledger steps: HTTP/1.1, one kept-alive connection per concurrent client
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(responses)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String graphqlRequest(String customerId, int accounts, int linesPerAccount) {
        String query = "query($id: ID!) { customer(id: $id) { name accounts(first: " + accounts + ") { edges { node { id balance "
                + "statement(first: " + linesPerAccount + ") { edges { node { " + CustomerView.LINE_FIELDS + " } } } } } } } }";
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.putObject("variables").put("id", customerId);
        return body.toString();
    }

    public Read graphql(String customerId) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(querySide.resolve("/graphql")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(graphqlBody)).build());
        return new Read(CustomerView.fromGraphql(expect200("GraphQL customer view", response)), 1, response.body().length);
    }

    public Read rest(String customerId) {
        long bytes = 0;
        HttpResponse<byte[]> customerResponse = get("/api/customers/" + customerId);
        bytes += customerResponse.body().length;
        JsonNode customer = expect200("read customer", customerResponse);
        HttpResponse<byte[]> accountsResponse = get("/api/accounts?customerId=" + customerId + "&size=" + accounts);
        bytes += accountsResponse.body().length;
        JsonNode accountsPage = expect200("list accounts", accountsResponse);
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode account : accountsPage.path("items")) {
            HttpResponse<byte[]> statement = get("/api/accounts/" + account.path("accountId").asText()
                    + "/transactions?size=" + linesPerAccount);
            bytes += statement.body().length;
            statements.add(expect200("read statement", statement));
        }
        return new Read(CustomerView.fromRest(customer, accountsPage, statements), 2 + statements.size(), bytes);
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(querySide.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private static JsonNode expect200(String call, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    @Override
    public void close() {
        responses.shutdownNow();
    }
}
