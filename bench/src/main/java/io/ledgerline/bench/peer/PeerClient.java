package io.ledgerline.bench.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The peer's two endpoints, called as the bench calls Ledgerline's: HTTP/1.1, JSON, one connection per client. */
public final class PeerClient implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final ExecutorService responses = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "peer-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    public PeerClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(responses)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public void open(String accountId, String currency) {
        expect("open account", post("/accounts/" + accountId, "{\"currency\":\"" + currency + "\"}"), 201);
    }

    public void deposit(String accountId, BigDecimal amount) {
        expect("deposit", post("/accounts/" + accountId + "/deposits", "{\"amount\":\"" + amount.toPlainString() + "\"}"), 200);
    }

    private static void expect(String call, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IllegalStateException("peer " + call + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + request.uri() + " failed", e);
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
