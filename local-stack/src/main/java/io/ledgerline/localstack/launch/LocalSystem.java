package io.ledgerline.localstack.launch;

import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.process.Ports;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ledgerline running locally: PostgreSQL, Kafka and Elasticsearch from {@link LocalStack}, then
 * command-side and query-side from their runnable jars, pointed at that infrastructure through
 * Spring properties on their command lines. Used by ./run-local and by the end-to-end tests.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    private final LocalStack stack;
    private final Consumer<String> progress;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "local-system-shutdown");
    private boolean closed;

    private LocalSystem(LocalStack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
        // this system stops the services before the stack, so the stack's own hook must not race it
        stack.detachShutdownHook();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything, or fails clearly (missing jar, busy port, a server or service that does not come up). */
    public static LocalSystem start(LocalSystemOptions options, Consumer<String> progress) {
        requireJar(options.commandSideJar(), "command-side");
        requireJar(options.querySideJar(), "query-side");
        int commandPort = Ports.freeOrRequested(options.commandSidePort(), "command-side");
        int queryPort = Ports.freeOrRequested(options.querySidePort(), "query-side");

        LocalSystem system = new LocalSystem(LocalStack.start(options.stack().withAll(), progress), progress);
        try {
            system.startServices(options, commandPort, queryPort);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Infrastructure only, for when the service jars are not built. */
    public static LocalSystem startInfrastructureOnly(LocalSystemOptions options, Consumer<String> progress) {
        return new LocalSystem(LocalStack.start(options.stack().withAll(), progress), progress);
    }

    private static void requireJar(Path jar, String service) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + service + " jar is missing: " + jar.toAbsolutePath()
                    + System.lineSeparator() + "Build it first: ./mvnw -DskipTests package");
        }
    }

    private void startServices(LocalSystemOptions options, int commandPort, int queryPort) {
        Path logs = stack.workDirectory().serverDirectory("logs");
        Path tmp = stack.workDirectory().serverDirectory("services");
        progress.accept("Starting command-side on port " + commandPort + " (log: " + logs.resolve("command-side.log") + ")");
        List<String> commandArguments = springArguments(commandPort, "ledgerline_command", false);
        // the command side's Location headers point at the query side, wherever it listens
        commandArguments.add("--ledgerline.links.query-base-url=http://127.0.0.1:" + queryPort);
        ServiceProcess command = ServiceProcess.start("command-side", options.commandSideJar(), commandPort,
                options.commandSideJvmOptions(), commandArguments, logs.resolve("command-side.log"), tmp.resolve("command-side-tmp"));
        services.add(command);
        progress.accept("Starting query-side on port " + queryPort + " (log: " + logs.resolve("query-side.log") + ")");
        ServiceProcess query = ServiceProcess.start("query-side", options.querySideJar(), queryPort,
                options.querySideJvmOptions(), springArguments(queryPort, "ledgerline_query", true), logs.resolve("query-side.log"), tmp.resolve("query-side-tmp"));
        services.add(query);
        // both JVMs boot in parallel; waiting for one after the other costs nothing extra
        command.awaitReady(SERVICE_START_TIMEOUT, progress);
        query.awaitReady(SERVICE_START_TIMEOUT, progress);
    }

    private List<String> springArguments(int port, String database, boolean elasticsearch) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + stack.postgresJdbcUrl(database),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers()));
        if (elasticsearch) {
            arguments.add("--spring.elasticsearch.uris=" + stack.elasticsearchUri());
        }
        return arguments;
    }

    public LocalStack stack() {
        return stack;
    }

    public boolean hasServices() {
        return !services.isEmpty();
    }

    public URI commandSideUri() {
        return service("command-side").baseUri();
    }

    public URI querySideUri() {
        return service("query-side").baseUri();
    }

    public long commandSidePid() {
        return service("command-side").pid();
    }

    public long querySidePid() {
        return service("query-side").pid();
    }

    public Path logDirectory() {
        return stack.workDirectory().root().resolve("logs");
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Stops the services (query side first), then Elasticsearch, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            ServiceProcess service = services.get(i);
            long started = System.nanoTime();
            progress.accept("Stopping " + service.name());
            service.close();
            progress.accept(service.name() + " stopped in " + String.format("%.1f s", (System.nanoTime() - started) / 1e9));
        }
        stack.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() runs from the hook itself during JVM shutdown
        }
    }
}
