package io.ledgerline.localstack.elasticsearch;

import io.ledgerline.localstack.process.ChildProcess;
import io.ledgerline.localstack.process.FileTrees;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch from the unpacked integ-test-zip distribution. The distribution stays untouched:
 * configuration (a copy, since Elasticsearch may write a keystore there), data, logs and temporary
 * files all live in the given directory.
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int httpPort;
    private final int transportPort;

    private ElasticsearchServer(ChildProcess process, int httpPort, int transportPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /**
     * @param home          the unpacked distribution
     * @param directory     holds config/, data/, logs/, tmp/ and console.log
     * @param httpPort      already checked to be free
     * @param transportPort already checked to be free
     * @param pidFiles      where its pid is kept while it runs
     */
    public static ElasticsearchServer start(Path home, Path directory, int httpPort, int transportPort, PidFiles pidFiles) {
        NonRootLaunch launch = NonRootLaunch.forCurrentUser();
        Path config = directory.resolve("config");
        prepareDirectories(home, directory, config);
        launch.handOver(directory);

        List<String> command = launch.wrap(List.of(
                home.resolve("bin/elasticsearch").toString(),
                "-Ediscovery.type=single-node",
                "-Expack.security.enabled=false",
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + transportPort,
                "-Epath.data=" + directory.resolve("data"),
                "-Epath.logs=" + directory.resolve("logs"),
                "-Ecluster.name=ledgerline-local"));
        ChildProcess process = ChildProcess.start("Elasticsearch", command, environment(directory, config),
                directory, directory.resolve("console.log"), pidFiles);
        ElasticsearchServer server = new ElasticsearchServer(process, httpPort, transportPort);
        if (!Waiting.until(server::clusterIsUsable, process::isAlive, START_TIMEOUT)) {
            String log = process.logTailSection() + serverLogTail(directory);
            server.close();
            throw new IllegalStateException("Elasticsearch did not become ready on port " + httpPort
                    + " (started " + launch + ")" + log);
        }
        return server;
    }

    private static void prepareDirectories(Path home, Path directory, Path config) {
        try {
            for (String sub : List.of("data", "logs", "tmp")) {
                Files.createDirectories(directory.resolve(sub));
            }
            if (!Files.exists(config.resolve("elasticsearch.yml"))) {
                FileTrees.copyRecursively(home.resolve("config"), config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + directory, e);
        }
    }

    private static Map<String, String> environment(Path directory, Path config) {
        Path tmp = directory.resolve("tmp");
        Map<String, String> environment = new HashMap<>();
        environment.put("ES_JAVA_HOME", JavaCommand.javaHome().toString());
        environment.put("ES_PATH_CONF", config.toString());
        environment.put("ES_TMPDIR", tmp.toString());
        // no hsperfdata files: they would appear under /tmp whatever java.io.tmpdir says
        environment.put("ES_JAVA_OPTS", "-Xms256m -Xmx256m -XX:-UsePerfData");
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -XX:-UsePerfData -Xmx64m");
        environment.put("TMPDIR", tmp.toString());
        // settings of the calling JVM must not leak into Elasticsearch's JVMs
        environment.put("JAVA_TOOL_OPTIONS", "");
        environment.put("_JAVA_OPTIONS", "");
        return environment;
    }

    /**
     * Ready once all primaries are allocated. A single node can never allocate replicas, so an
     * index created with the default of one replica keeps the cluster yellow for good; waiting for
     * green would then hang on every restart with persistent data.
     */
    private boolean clusterIsUsable() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String serverLogTail(Path directory) {
        Path serverLog = directory.resolve("logs/ledgerline-local.log");
        try {
            List<String> lines = Files.exists(serverLog) ? Files.readAllLines(serverLog) : List.of();
            return System.lineSeparator() + "--- last lines of " + serverLog + " ---" + System.lineSeparator()
                    + String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int transportPort() {
        return transportPort;
    }

    public String uri() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        process.close();
    }
}
