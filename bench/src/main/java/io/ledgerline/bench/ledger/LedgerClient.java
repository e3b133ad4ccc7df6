package io.ledgerline.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.bench.load.Pacing;
import io.ledgerline.localstack.launch.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The command and query APIs, called the way any HTTP client calls them. */
public final class LedgerClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI commandSide;
    private final URI querySide;
    private final ExecutorService responses = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ledger-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    /** The bearer token every request of this client sends. */
    private final String token;
    /** The clients of the simulated load clients, one subject each, sharing this one's connections. */
    private final Map<Integer, LedgerClient> loadClients;

    /** A client of the bench itself (subject "bench", roles TELLER and ADMIN), for setup, probes and rebuilds. */
    public LedgerClient(URI commandSide, URI querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        // HTTP/1.1 keeps one connection per concurrent client, like the typical service-to-service caller
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(responses)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.token = DevTokens.request(commandSide, "bench", List.of("TELLER", "ADMIN"), null);
        this.loadClients = new ConcurrentHashMap<>();
    }

    private LedgerClient(LedgerClient shared, String token) {
        this.commandSide = shared.commandSide;
        this.querySide = shared.querySide;
        this.http = shared.http;
        this.token = token;
        this.loadClients = shared.loadClients;
    }

    /**
     * The client of simulated load client {@code n}: a teller of its own (subject "bench-client-n"),
     * as each real caller would be, so that anything counted per subject is counted per client.
     */
    public LedgerClient loadClient(int n) {
        return loadClients.computeIfAbsent(n, client -> new LedgerClient(this,
                DevTokens.request(commandSide, "bench-client-" + client, List.of("TELLER"), null)));
    }

    public String registerCustomer(String name, String email) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("email", email);
        return expect("register customer", post(commandSide, "/api/customers", body), 201).path("customerId").asText();
    }

    public String openAccount(String customerId, String currency) {
        ObjectNode body = JSON.createObjectNode().put("customerId", customerId).put("currency", currency);
        return expect("open account", post(commandSide, "/api/accounts", body), 201).path("accountId").asText();
    }

    /** @return the account's version after the deposit */
    public long deposit(String accountId, BigDecimal amount, String currency, String description) {
        ObjectNode body = JSON.createObjectNode().put("amount", amount.toPlainString()).put("currency", currency)
                .put("description", description);
        return expect("deposit", post(commandSide, "/api/accounts/" + accountId + "/deposits", body), 200)
                .path("version").asLong();
    }

    /** @return the account's version after the withdrawal */
    public long withdraw(String accountId, BigDecimal amount, String currency, String description) {
        ObjectNode body = JSON.createObjectNode().put("amount", amount.toPlainString()).put("currency", currency)
                .put("description", description);
        return expect("withdrawal", post(commandSide, "/api/accounts/" + accountId + "/withdrawals", body), 200)
                .path("version").asLong();
    }

    /** @return the transfer's id */
    public String requestTransfer(String fromAccountId, String toAccountId, BigDecimal amount, String currency) {
        ObjectNode body = JSON.createObjectNode().put("fromAccountId", fromAccountId).put("toAccountId", toAccountId)
                .put("amount", amount.toPlainString()).put("currency", currency);
        return expect("transfer", post(commandSide, "/api/transfers", body), 202).path("transferId").asText();
    }

    /**
     * Waits until the transfer completed, on the query side's own bounded wait (awaitOutcome), asking
     * again while the answer is "not yet" (404 before its first event is projected, 409 past the bound).
     */
    public void awaitTransferCompleted(String transferId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = get(querySide, "/api/transfers/" + transferId + "?awaitOutcome=true");
            if (response.statusCode() == 200) {
                String status = json(response.body()).path("status").asText();
                if ("COMPLETED".equals(status)) {
                    return;
                }
                if ("FAILED".equals(status)) {
                    throw new LedgerCallFailed("transfer " + transferId, 200, response.body());
                }
            } else if (response.statusCode() != 404 && response.statusCode() != 409) {
                throw new LedgerCallFailed("read transfer", response.statusCode(), response.body());
            }
            requireBefore(deadline, "transfer " + transferId + " completed");
            if (response.statusCode() == 404) {
                Pacing.pause(Duration.ofMillis(5));
            }
        }
    }

    /** Waits until the SQL read model holds the account at this version (read-your-writes with minVersion). */
    public void awaitAccountVersion(String accountId, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = get(querySide, "/api/accounts/" + accountId + "?minVersion=" + version);
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 404 && response.statusCode() != 409) {
                throw new LedgerCallFailed("read account", response.statusCode(), response.body());
            }
            requireBefore(deadline, "account " + accountId + " at version " + version);
            if (response.statusCode() == 404) {
                Pacing.pause(Duration.ofMillis(5));
            }
        }
    }

    /** How many statement lines of the account the transaction search (Elasticsearch) finds. */
    public long searchedTransactions(String accountId) {
        HttpResponse<String> response = get(querySide, "/api/search/transactions?size=1&accountId="
                + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
        return expect("search transactions", response, 200).path("total").asLong();
    }

    /**
     * How far the slowest projection is behind the event store: its own lag in Kafka, or the events
     * it has not seen at all because the command side has not published them yet (one record per
     * stored event, so a caught-up projection has passed as many records as the store holds events).
     */
    public long eventsNotYetProjected(long storedEvents) {
        long behind = 0;
        for (JsonNode projection : expect("projection status", get(querySide, "/api/admin/projections"), 200)) {
            long unpublished = storedEvents - projection.path("position").asLong();
            behind = Math.max(behind, Math.max(projection.path("lagEvents").asLong(), unpublished));
        }
        return behind;
    }

    /**
     * Whether the query side documents a rebuild endpoint in its OpenAPI description; without the
     * description the endpoint is assumed and tried.
     */
    public boolean hasRebuildApi() {
        try {
            HttpResponse<String> response = get(querySide, "/v3/api-docs");
            return response.statusCode() != 200
                    || response.body().matches("(?s).*\"/api/admin/projections/\\{[^}]+}/rebuild\".*");
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /** Starts a rebuild; empty when this query side has no rebuild API (404). */
    public Optional<JsonNode> startRebuild(String projection) {
        HttpResponse<String> response = post(querySide, "/api/admin/projections/" + projection + "/rebuild",
                JSON.createObjectNode());
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            return Optional.empty();
        }
        return Optional.of(expect("start rebuild of " + projection, response, 202));
    }

    public JsonNode rebuild(String rebuildId) {
        return expect("rebuild status", get(querySide, "/api/admin/rebuilds/" + rebuildId), 200);
    }

    private static void requireBefore(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Timed out waiting for " + what);
        }
    }

    private JsonNode expect(String call, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new LedgerCallFailed(call, response.statusCode(), response.body());
        }
        return json(response.body());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    private HttpResponse<String> post(URI service, String path, JsonNode body) {
        return send(HttpRequest.newBuilder(service.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> get(URI service, String path) {
        return send(HttpRequest.newBuilder(service.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
