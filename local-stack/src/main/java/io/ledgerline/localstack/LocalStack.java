package io.ledgerline.localstack;

import io.ledgerline.localstack.elasticsearch.ElasticsearchServer;
import io.ledgerline.localstack.kafka.KafkaBroker;
import io.ledgerline.localstack.postgres.PostgresServer;
import io.ledgerline.localstack.process.PidFiles;
import io.ledgerline.localstack.process.Ports;
import io.ledgerline.localstack.process.Watchdog;
import io.ledgerline.localstack.zipkin.ZipkinServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Real PostgreSQL, Kafka and Elasticsearch servers (and a Zipkin server on request), started without Docker from artifacts the
 * build fetched from Maven Central. Servers can be added later ({@link #startElasticsearch()} on a
 * running stack); {@link #close()} stops them in reverse order and deletes an ephemeral directory.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPostgres().withKafka())) {
 *     String url = stack.postgresJdbcUrl("ledgerline_command");
 * }
 * }</pre>
 */
public final class LocalStack implements InfrastructureEndpoints, AutoCloseable {

    /** How long a server left running by a dead launcher gets between SIGTERM and SIGKILL. */
    public static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    private final LocalStackOptions options;
    private final WorkDirectory workDirectory;
    private final Consumer<String> progress;
    private final PidFiles pidFiles;
    private final Watchdog watchdog;
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ElasticsearchServer elasticsearch;
    private ZipkinServer zipkin;
    /**
     * Ports of servers stopped on purpose: started again, a server listens where the services
     * were told it is, as a restarted server in production would.
     */
    private final Map<String, Integer> portsOfStoppedServers = new HashMap<>();
    private boolean closed;

    private LocalStack(LocalStackOptions options, WorkDirectory workDirectory, Consumer<String> progress) {
        this.options = options;
        this.workDirectory = workDirectory;
        this.progress = progress;
        this.pidFiles = PidFiles.in(workDirectory.root());
        // a shutdown hook runs on Ctrl-C and SIGTERM only; the watchdog also covers SIGKILL and a killed shutdown
        this.watchdog = pidFiles.startWatchdog(LEFTOVER_GRACE);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static LocalStack start(LocalStackOptions options) {
        return start(options, message -> { });
    }

    /** Starts the selected servers, reporting each step (for example "Kafka ready on ... in 3.1 s") to {@code progress}. */
    public static LocalStack start(LocalStackOptions options, Consumer<String> progress) {
        stopLeftovers(options, progress);
        requireFixedPortsFree(options);
        LocalStack stack = new LocalStack(options, options.workDirectory(), progress);
        try {
            if (options.postgres()) {
                stack.startPostgres();
            }
            if (options.kafka()) {
                stack.startKafka();
            }
            if (options.elasticsearch()) {
                stack.startElasticsearch();
            }
            if (options.zipkin()) {
                stack.startZipkin();
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public synchronized void startPostgres() {
        if (postgres == null) {
            boolean restart = portsOfStoppedServers.containsKey("postgres");
            int port = Ports.freeOrRequested(portOf("postgres", options.postgresPort()), "PostgreSQL");
            long started = System.nanoTime();
            progress.accept("Starting PostgreSQL on 127.0.0.1:" + port);
            postgres = restart
                    ? PostgresServer.startOnExistingData(postgresBinaries(), workDirectory.serverDirectory("postgres"),
                            port, workDirectory.isPersistent())
                    : PostgresServer.start(postgresBinaries(), workDirectory.serverDirectory("postgres"),
                            port, workDirectory.isPersistent());
            portsOfStoppedServers.remove("postgres");
            progress.accept("PostgreSQL ready on 127.0.0.1:" + port + " in " + secondsSince(started));
        }
    }

    public synchronized void startKafka() {
        if (kafka == null) {
            int port = Ports.freeOrRequested(portOf("kafka", options.kafkaPort()), "Kafka");
            int controllerPort = Ports.freeOrRequested(portOf("kafka-controller", next(options.kafkaPort())),
                    "the Kafka controller");
            long started = System.nanoTime();
            progress.accept("Starting Kafka (KRaft) on 127.0.0.1:" + port);
            kafka = KafkaBroker.start(workDirectory.serverDirectory("kafka"), port, controllerPort,
                    KitLocations.load().kafkaBrokerClasspath(), pidFiles);
            progress.accept("Kafka ready on 127.0.0.1:" + port + " in " + secondsSince(started));
            portsOfStoppedServers.remove("kafka");
            portsOfStoppedServers.remove("kafka-controller");
        }
    }

    public synchronized void startElasticsearch() {
        if (elasticsearch == null) {
            int httpPort = Ports.freeOrRequested(portOf("elasticsearch", options.elasticsearchPort()), "Elasticsearch");
            int transportPort = Ports.freeOrRequested(portOf("elasticsearch-transport", next(options.elasticsearchPort())),
                    "the Elasticsearch transport");
            long started = System.nanoTime();
            progress.accept("Starting Elasticsearch on 127.0.0.1:" + httpPort);
            elasticsearch = ElasticsearchServer.start(KitLocations.load().elasticsearchHome(),
                    workDirectory.serverDirectory("elasticsearch"), httpPort, transportPort, pidFiles);
            progress.accept("Elasticsearch ready on 127.0.0.1:" + httpPort + " in " + secondsSince(started));
            portsOfStoppedServers.remove("elasticsearch");
            portsOfStoppedServers.remove("elasticsearch-transport");
        }
    }

    public synchronized void startZipkin() {
        if (zipkin == null) {
            int port = Ports.freeOrRequested(options.zipkinPort(), "Zipkin");
            long started = System.nanoTime();
            progress.accept("Starting Zipkin on 127.0.0.1:" + port);
            zipkin = ZipkinServer.start(workDirectory.serverDirectory("zipkin"), port, KitLocations.load().zipkinServerJar(),
                    pidFiles);
            progress.accept("Zipkin ready on 127.0.0.1:" + port + " in " + secondsSince(started));
        }
    }

    /**
     * Stops PostgreSQL (fast shutdown) and keeps its data; {@link #startPostgres()} brings it back on
     * the same port with the same data, so clients reconnect to a restarted server.
     */
    public synchronized void stopPostgres() {
        if (postgres != null) {
            portsOfStoppedServers.put("postgres", postgres.port());
            long started = System.nanoTime();
            progress.accept("Stopping PostgreSQL, keeping its data");
            postgres.stopKeepingData();
            postgres = null;
            progress.accept("PostgreSQL stopped in " + secondsSince(started));
        }
    }

    /** Stops the broker and keeps its log directories; {@link #startKafka()} brings it back on the same ports. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            portsOfStoppedServers.put("kafka", kafka.port());
            portsOfStoppedServers.put("kafka-controller", kafka.controllerPort());
            stopNow(kafka, "Kafka");
            kafka = null;
        }
    }

    /** Stops Elasticsearch and keeps its data; {@link #startElasticsearch()} brings it back on the same ports. */
    public synchronized void stopElasticsearch() {
        if (elasticsearch != null) {
            portsOfStoppedServers.put("elasticsearch", elasticsearch.httpPort());
            portsOfStoppedServers.put("elasticsearch-transport", elasticsearch.transportPort());
            stopNow(elasticsearch, "Elasticsearch");
            elasticsearch = null;
        }
    }

    /** The port a stopped server had, else the configured one (0 = any free port). */
    private int portOf(String server, int configured) {
        return portsOfStoppedServers.getOrDefault(server, configured);
    }

    private void stopNow(AutoCloseable server, String name) {
        List<RuntimeException> failures = new ArrayList<>();
        stop(server, name, failures);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * Tests share the binaries extracted into this module's build directory; a persistent stack
     * keeps its own copy, so a clean build cannot pull them from under a running ./run-local.
     */
    private Path postgresBinaries() {
        return workDirectory.isPersistent()
                ? workDirectory.serverDirectory("postgres").resolve("binaries")
                : KitLocations.load().postgresBinaries();
    }

    /**
     * Stops whatever an earlier launcher of the persistent data directory left running when it died (it holds the
     * ports this start needs); processes that were not started from that directory are left alone.
     */
    public static void stopLeftovers(LocalStackOptions options, Consumer<String> progress) {
        if (options.dataDirectory() != null) {
            PidFiles.in(options.dataDirectory()).stopLeftovers(LEFTOVER_GRACE, progress);
        }
    }

    /** Where the servers of this stack, and the services started on it, record their pids while they run. */
    public PidFiles pidFiles() {
        return pidFiles;
    }

    /** Fails before anything starts, rather than after PostgreSQL and Kafka are already up. */
    private static void requireFixedPortsFree(LocalStackOptions options) {
        if (options.postgres()) {
            Ports.freeOrRequested(options.postgresPort(), "PostgreSQL");
        }
        if (options.kafka()) {
            Ports.freeOrRequested(options.kafkaPort(), "Kafka");
            Ports.freeOrRequested(next(options.kafkaPort()), "the Kafka controller");
        }
        if (options.elasticsearch()) {
            Ports.freeOrRequested(options.elasticsearchPort(), "Elasticsearch");
            Ports.freeOrRequested(next(options.elasticsearchPort()), "the Elasticsearch transport");
        }
        if (options.zipkin()) {
            Ports.freeOrRequested(options.zipkinPort(), "Zipkin");
        }
    }

    /** The port after a fixed one, or 0 (free) when the fixed one was 0 too. */
    private static int next(int fixedPort) {
        return fixedPort == 0 ? 0 : fixedPort + 1;
    }

    private static String secondsSince(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * For owners that stop the stack from their own shutdown hook: JVM hooks run concurrently, so
     * two hooks would stop the servers while the owner's services still use them.
     */
    public void detachShutdownHook() {
        removeShutdownHook();
    }

    public WorkDirectory workDirectory() {
        return workDirectory;
    }

    public synchronized boolean hasPostgres() {
        return postgres != null;
    }

    public synchronized boolean hasKafka() {
        return kafka != null;
    }

    public synchronized boolean hasElasticsearch() {
        return elasticsearch != null;
    }

    public synchronized boolean hasZipkin() {
        return zipkin != null;
    }

    @Override
    public synchronized String postgresJdbcUrl(String database) {
        return running(postgres, "PostgreSQL").jdbcUrl(database);
    }

    @Override
    public synchronized String postgresUser() {
        return running(postgres, "PostgreSQL").user();
    }

    @Override
    public synchronized String postgresPassword() {
        return running(postgres, "PostgreSQL").password();
    }

    public synchronized int postgresPort() {
        return running(postgres, "PostgreSQL").port();
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        return running(kafka, "Kafka").bootstrapServers();
    }

    @Override
    public synchronized String elasticsearchUri() {
        return running(elasticsearch, "Elasticsearch").uri();
    }

    @Override
    public synchronized String zipkinUri() {
        return running(zipkin, "Zipkin").uri();
    }

    @Override
    public synchronized String zipkinSpansEndpoint() {
        return running(zipkin, "Zipkin").spansEndpoint();
    }

    private <T> T running(T server, String name) {
        if (server == null) {
            throw new IllegalStateException(name + " was not started in this LocalStack");
        }
        return server;
    }

    /** Stops Zipkin, Elasticsearch, Kafka and PostgreSQL, in that order, then deletes an ephemeral directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        stop(zipkin, "Zipkin", failures);
        stop(elasticsearch, "Elasticsearch", failures);
        stop(kafka, "Kafka", failures);
        stop(postgres, "PostgreSQL", failures);
        watchdog.close();
        try {
            workDirectory.release();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        removeShutdownHook();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Local stack did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void stop(AutoCloseable server, String name, List<RuntimeException> failures) {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        progress.accept("Stopping " + name);
        try {
            server.close();
            progress.accept(name + " stopped in " + secondsSince(started));
        } catch (Exception e) {
            failures.add(new IllegalStateException(name + " did not stop cleanly", e));
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() runs from the hook itself during JVM shutdown
        }
    }
}
