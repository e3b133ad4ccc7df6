package io.ledgerline.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in node of one side: answers every request with its own name, records what reached it,
 * and can be made to fail, to answer slowly, to report itself unhealthy, to die between two health
 * checks, or be stopped and started again on its port.
 */
final class Downstream {

    /** A request that reached this node. */
    record Hit(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static final String STREAM_REQUEST = "X-Test-Stream";

    final String name;
    final int port;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile boolean healthy = true;
    /**
     * Killed after the gateway's last health-check round: its readiness still reads UP there, but every
     * request sent to it ends without an answer, as on a process that died mid-request.
     */
    volatile boolean crashed;
    /** Dies after its status line, headers and half its body: a process killed while it was answering. */
    volatile boolean diesMidAnswer;
    volatile Duration delay = Duration.ZERO;
    /** How long its readiness takes to answer: a node loaded to its limit answers late but answers. */
    volatile Duration readinessDelay = Duration.ZERO;
    volatile CountDownLatch streamRelease = new CountDownLatch(0);
    private HttpServer server;
    private ExecutorService threads;

    Downstream(String name) {
        this.name = name;
        this.port = freePort();
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Gone as a killed process is gone: connections to the port are refused. */
    synchronized void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    void reset() {
        status = 200;
        healthy = true;
        crashed = false;
        diesMidAnswer = false;
        delay = Duration.ZERO;
        readinessDelay = Duration.ZERO;
        hits.clear();
    }

    long hitsOn(String method, String path) {
        return hits.stream().filter(hit -> hit.method().equals(method) && hit.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/actuator/health/readiness")) {
            pause(readinessDelay);
            respond(exchange, healthy ? 200 : 503, "application/json", healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        hits.add(new Hit(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (crashed) {
            // closed before any status line: the connection ends with no answer
            exchange.close();
            return;
        }
        if (exchange.getRequestHeaders().containsKey(STREAM_REQUEST)) {
            stream(exchange);
            return;
        }
        // a node busy for this long: the gateway's time limit is what is under test
        pause(delay);
        exchange.getResponseHeaders().add("RateLimit-Limit", "999");
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
        }
        String answer = "{\"node\":\"" + name + "\",\"path\":\"" + path + "\"}";
        if (diesMidAnswer) {
            dieMidAnswer(exchange, answer);
            return;
        }
        respond(exchange, status, status >= 400 ? "application/problem+json" : "application/json", answer);
    }

    private static void dieMidAnswer(HttpExchange exchange, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // a fixed-length answer closed short of its length ends the connection: the rest never comes
        exchange.close();
    }

    /** One event at once, the second only when the test releases it: buffering would hold back the first. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        if (diesMidAnswer) {
            // the status line and headers are out, no event follows: the server drops the connection of a handler that
            // fails, without the chunk that ends a stream
            exchange.getResponseBody().flush();
            throw new IllegalStateException("died before the first event");
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("event: state\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            streamRelease.await(30, TimeUnit.SECONDS);
            out.write("event: state\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration busy) {
        if (busy.isZero()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(busy.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
