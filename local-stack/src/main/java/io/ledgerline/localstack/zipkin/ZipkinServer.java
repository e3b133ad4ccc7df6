package io.ledgerline.localstack.zipkin;

import io.ledgerline.localstack.process.ChildProcess;
import io.ledgerline.localstack.process.JavaCommand;
import io.ledgerline.localstack.process.PidFiles;
import io.ledgerline.localstack.process.Waiting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Zipkin's executable server jar in its own JVM, with in-memory storage: traces of a local run or
 * a test need to outlive neither. Its UI and HTTP API ({@code /api/v2/traces}) share one port.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private ZipkinServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param directory holds tmp/ and zipkin.log
     * @param port      HTTP port (API, UI and collector), already checked to be free
     * @param jar       Zipkin's executable server jar
     * @param pidFiles  where its pid is kept while it runs
     */
    public static ZipkinServer start(Path directory, int port, Path jar, PidFiles pidFiles) {
        Path tmp = createDirectory(directory.resolve("tmp"));
        List<String> command = JavaCommand.java("256m", tmp);
        command.add("-jar");
        command.add(jar.toString());
        // on loopback, like the other servers: spans carry account and customer ids
        command.add("--armeria.ports[0].ip=127.0.0.1");
        command.add("--armeria.ports[0].port=" + port);
        command.add("--armeria.ports[0].protocols[0]=http");
        Map<String, String> environment = Map.of(
                "STORAGE_TYPE", "mem",
                // a long local run keeps the newest spans rather than running out of heap
                "MEM_MAX_SPANS", "200000");
        ChildProcess process = ChildProcess.start("Zipkin", command, environment, directory, directory.resolve("zipkin.log"),
                pidFiles);
        ZipkinServer server = new ZipkinServer(process, port);
        if (!Waiting.until(server::isHealthy, process::isAlive, START_TIMEOUT)) {
            String log = process.logTailSection();
            server.close();
            throw new IllegalStateException("Zipkin did not start on port " + port + log);
        }
        return server;
    }

    private boolean isHealthy() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(uri() + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** UI at this address, HTTP API under {@code /api/v2}. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Where Zipkin's HTTP collector takes spans: the services' {@code management.zipkin.tracing.endpoint}. */
    public String spansEndpoint() {
        return uri() + "/api/v2/spans";
    }

    @Override
    public void close() {
        process.close();
    }
}
