package io.ledgerline.localstack.launch;

import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.postgres.PostgresServer;
import io.ledgerline.localstack.process.Ports;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Ledgerline running locally: PostgreSQL, Kafka, Elasticsearch (and Zipkin, if selected) from {@link LocalStack}, then
 * command-side and query-side from their runnable jars, pointed at that infrastructure through
 * Spring properties on their command lines, and, when the options give it a port, the gateway in front of every
 * node ({@link #startGateway()}). Used by ./run-local and by the end-to-end tests.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String COMMAND_SIDE = "command-side";
    public static final String QUERY_SIDE = "query-side";
    public static final String GATEWAY = "gateway";
    /** The gateway's author's heap: it holds no data, only connections and the rate limit's buckets. */
    private static final List<String> GATEWAY_JVM_OPTIONS = List.of("-Xmx256m");
    static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    private final LocalStack stack;
    private final Consumer<String> progress;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalSystemOptions options;
    private int queryPort;
    private OptionalInt gatewayPort = OptionalInt.empty();
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
        if (options.gatewayPort().isPresent()) {
            requireJar(options.gatewayJar(), "gateway");
        }
        // a service left running by a launcher that died holds the port the check below needs
        LocalStack.stopLeftovers(options.stack(), progress);
        // a requested port is checked before anything starts; a free one is picked only once the servers run, as
        // they take ports of their own while they start and could take one picked before
        int commandPort = requested(options.commandSidePort(), "command-side");
        int queryPort = requested(options.querySidePort(), "query-side");
        OptionalInt gatewayPort = options.gatewayPort().isPresent()
                ? OptionalInt.of(requested(options.gatewayPort().getAsInt(), GATEWAY))
                : OptionalInt.empty();

        LocalSystem system = new LocalSystem(LocalStack.start(options.stack().withAll(), progress), progress);
        try {
            system.startServices(options, orFree(commandPort, "command-side"), orFree(queryPort, "query-side"),
                    gatewayPort.isPresent() ? OptionalInt.of(orFree(gatewayPort.getAsInt(), GATEWAY)) : gatewayPort);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Infrastructure only, for when the service jars are not built. */
    private static int requested(int port, String purpose) {
        return port == 0 ? 0 : Ports.freeOrRequested(port, purpose);
    }

    private static int orFree(int port, String purpose) {
        return port == 0 ? Ports.freeOrRequested(0, purpose) : port;
    }

    public static LocalSystem startInfrastructureOnly(LocalSystemOptions options, Consumer<String> progress) {
        return new LocalSystem(LocalStack.start(options.stack().withAll(), progress), progress);
    }

    private static void requireJar(Path jar, String service) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + service + " jar is missing: " + jar.toAbsolutePath()
                    + System.lineSeparator() + "Build it first: ./mvnw -DskipTests package");
        }
    }

    private void startServices(LocalSystemOptions options, int commandPort, int queryPort, OptionalInt gatewayPort) {
        this.options = options;
        this.queryPort = queryPort;
        this.gatewayPort = gatewayPort;
        ServiceProcess command = launchCommandSide(COMMAND_SIDE, commandPort);
        ServiceProcess query = launchQuerySide(QUERY_SIDE, queryPort);
        // both JVMs boot in parallel; waiting for one after the other costs nothing extra
        command.awaitReady(SERVICE_START_TIMEOUT, progress);
        grantEventStoreReading();
        query.awaitReady(SERVICE_START_TIMEOUT, progress);
    }

    /** Once the command side has migrated, the query side's reconciliation login may read the event table. */
    private void grantEventStoreReading() {
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("ledgerline_command"),
                stack.postgresUser(), stack.postgresPassword()); Statement statement = connection.createStatement()) {
            statement.execute(PostgresServer.EVENT_READER_GRANT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not let the query side read the event store", e);
        }
    }

    private synchronized ServiceProcess launchCommandSide(String name, int port) {
        List<String> commandArguments = springArguments(port, "ledgerline_command", false);
        // the command side's Location headers lead where clients read: through the gateway when it runs, else to the
        // query side, wherever it listens
        commandArguments.add("--ledgerline.links.query-base-url=" + (gatewayPort.isPresent()
                ? gatewayUri(gatewayPort.getAsInt()).toString() : "http://127.0.0.1:" + queryPort));
        // checkpoints are signed with this pair; created by the first instance, kept with the data it vouches for
        commandArguments.add("--ledgerline.integrity.checkpoint.key-file=" + checkpointKeyFile());
        commandArguments.add("--ledgerline.integrity.checkpoint.create-key-file=true");
        return launch(name, options.commandSideJar(), port, options.commandSideJvmOptions(), commandArguments);
    }

    private synchronized ServiceProcess launchQuerySide(String name, int port) {
        List<String> queryArguments = springArguments(port, "ledgerline_query", true);
        // the query side opens customers' names and emails with the keys in the command side's database
        queryArguments.add("--ledgerline.personal-data.key-store.url=" + stack.postgresJdbcUrl("ledgerline_command"));
        // a login that may only SELECT the key table (PostgresServer.KEY_READER_ROLES, migration V8)
        queryArguments.add("--ledgerline.personal-data.key-store.username=" + PostgresServer.KEY_READER_USER);
        queryArguments.add("--ledgerline.personal-data.key-store.password=" + PostgresServer.KEY_READER_PASSWORD);
        // reconciliation reads the event table as a login that may only SELECT it (PostgresServer.EVENT_READER_ROLES)
        queryArguments.add("--ledgerline.reconciliation.event-store.url=" + stack.postgresJdbcUrl("ledgerline_command"));
        queryArguments.add("--ledgerline.reconciliation.event-store.username=" + PostgresServer.EVENT_READER_USER);
        queryArguments.add("--ledgerline.reconciliation.event-store.password=" + PostgresServer.EVENT_READER_PASSWORD);
        return launch(name, options.querySideJar(), port, options.querySideJvmOptions(), queryArguments);
    }

    private ServiceProcess launch(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments) {
        Path logs = stack.workDirectory().serverDirectory("logs");
        Path tmp = stack.workDirectory().serverDirectory("services");
        progress.accept("Starting " + name + " on port " + port + " (log: " + logs.resolve(name + ".log") + ")");
        ServiceProcess service = ServiceProcess.start(name, jar, port, jvmOptions(options, jvmOptions), arguments,
                logs.resolve(name + ".log"),
                tmp.resolve(name + "-tmp"), stack.pidFiles());
        services.add(service);
        return service;
    }

    /** The compiler the options ask for first, so that options given for one service can still choose another. */
    static List<String> jvmOptions(LocalSystemOptions options, List<String> given) {
        List<String> jvm = new ArrayList<>();
        if (options.quickCompiler()) {
            jvm.add(QUICK_COMPILER_ONLY);
        }
        jvm.addAll(given);
        return jvm;
    }

    /**
     * One more command-side node on a free port against the same infrastructure, as behind a load
     * balancer; it is named {@code command-side-2}, {@code command-side-3}, ... and stopped on close.
     */
    public URI startCommandSideInstance() {
        ServiceProcess instance = launchCommandSide(nextInstanceName(COMMAND_SIDE), Ports.freePort());
        instance.awaitReady(SERVICE_START_TIMEOUT, progress);
        return instance.baseUri();
    }

    /**
     * More nodes of both services on fixed ports (0 = a free one), booting in parallel; returns once all are ready.
     * Command-side nodes share the tracking processors by segments, query-side nodes the consumer groups.
     */
    public void startMoreNodes(List<Integer> commandSidePorts, List<Integer> querySidePorts) {
        List<ServiceProcess> starting = new ArrayList<>();
        for (int port : commandSidePorts) {
            String name = nextInstanceName(COMMAND_SIDE);
            starting.add(launchCommandSide(name, Ports.freeOrRequested(port, name)));
        }
        for (int port : querySidePorts) {
            String name = nextInstanceName(QUERY_SIDE);
            starting.add(launchQuerySide(name, Ports.freeOrRequested(port, name)));
        }
        starting.forEach(node -> node.awaitReady(SERVICE_START_TIMEOUT, progress));
    }

    /** Every command-side node: the first one, then those added later. */
    public synchronized List<URI> commandSideUris() {
        return urisOf(COMMAND_SIDE);
    }

    /** Every query-side node: the first one, then those added later. */
    public synchronized List<URI> querySideUris() {
        return urisOf(QUERY_SIDE);
    }

    private List<URI> urisOf(String service) {
        return services.stream().filter(s -> s.name().equals(service) || s.name().startsWith(service + "-"))
                .map(ServiceProcess::baseUri).toList();
    }

    /**
     * The gateway on the port the options gave it, in front of every node started so far, so start it after
     * {@link #startMoreNodes}; returns once it is ready. Its pid file and the watchdog cover it like the services.
     */
    public URI startGateway() {
        return startGateway(List.of());
    }

    /** The gateway as {@link #startGateway()} starts it, with these Spring arguments added ({@code --name=value}). */
    public URI startGateway(List<String> settings) {
        if (gatewayPort.isEmpty()) {
            throw new IllegalStateException("No gateway port in the options: LocalSystemOptions.withGateway(port)");
        }
        int port = gatewayPort.getAsInt();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                serverAddressArgument(options),
                "--spring.profiles.active=local",
                // it verifies the same development tokens as the services, and forwards their issuer
                "--ledgerline.security.dev-tokens.key-file=" + devTokenKeyFile()));
        arguments.addAll(instanceArguments(COMMAND_SIDE, commandSideUris()));
        arguments.addAll(instanceArguments(QUERY_SIDE, querySideUris()));
        arguments.add(tracingArgument());
        arguments.addAll(settings);
        ServiceProcess gateway = launch(GATEWAY, options.gatewayJar(), port, GATEWAY_JVM_OPTIONS, arguments);
        gateway.awaitReady(SERVICE_START_TIMEOUT, progress);
        return gateway.baseUri();
    }

    /**
     * Stops the gateway and starts it again on its port, in front of the same nodes, with these Spring arguments
     * added: for a test of a setting that the rest of a running system must not have, such as a small rate limit.
     */
    public URI restartGateway(List<String> settings) {
        ServiceProcess old = service(GATEWAY);
        progress.accept("Restarting " + GATEWAY + " with " + settings);
        old.close();
        synchronized (this) {
            services.remove(old);
        }
        return startGateway(settings);
    }

    /** The gateway's configured instance list of one side: Spring Cloud's simple discovery, one entry per node. */
    static List<String> instanceArguments(String side, List<URI> nodes) {
        return IntStream.range(0, nodes.size())
                .mapToObj(i -> "--spring.cloud.discovery.client.simple.instances." + side + "[" + i + "].uri=" + nodes.get(i))
                .toList();
    }

    private URI gatewayUri(int port) {
        return ServiceProcess.baseUri(port, List.of(serverAddressArgument(options)));
    }

    public synchronized boolean hasGateway() {
        return services.stream().anyMatch(service -> service.name().equals(GATEWAY));
    }

    /** The one address clients use, when the gateway runs. */
    public URI gatewayUri() {
        return service(GATEWAY).baseUri();
    }

    /** One more query-side node on a free port; it joins the projections' consumer groups. */
    public URI startQuerySideInstance() {
        ServiceProcess instance = launchQuerySide(nextInstanceName(QUERY_SIDE), Ports.freePort());
        instance.awaitReady(SERVICE_START_TIMEOUT, progress);
        return instance.baseUri();
    }

    private synchronized String nextInstanceName(String service) {
        long running = services.stream().filter(s -> s.name().equals(service) || s.name().startsWith(service + "-")).count();
        return service + "-" + (running + 1);
    }

    /** SIGKILL to one service instance: it dies mid-work, as on a crash, and stays down until {@link #restart}. */
    public void kill(String name) {
        ServiceProcess service = service(name);
        progress.accept("Killing " + name + " (pid " + service.pid() + ")");
        service.kill();
    }

    /** Starts a killed or stopped instance again with its configuration and port, and waits until it is ready. */
    public URI restart(String name) {
        ServiceProcess again;
        synchronized (this) {
            ServiceProcess old = service(name);
            again = old.startAgain();
            services.set(services.indexOf(old), again);
        }
        again.awaitReady(SERVICE_START_TIMEOUT, progress);
        return again.baseUri();
    }

    private List<String> springArguments(int port, String database, boolean elasticsearch) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                serverAddressArgument(options),
                // the development token issuer: the command side signs with this key, both services verify with it
                "--spring.profiles.active=local",
                "--ledgerline.security.dev-tokens.key-file=" + devTokenKeyFile(),
                // customers' data keys are wrapped under it: the command side wraps, the query side unwraps
                "--ledgerline.personal-data.kek.file=" + LocalKeyEncryptionKey.createIfMissing(keyEncryptionKeyFile()),
                "--spring.datasource.url=" + stack.postgresJdbcUrl(database),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers()));
        if (elasticsearch) {
            arguments.add("--spring.elasticsearch.uris=" + stack.elasticsearchUri());
        }
        arguments.add(tracingArgument());
        return arguments;
    }

    private String tracingArgument() {
        return stack.hasZipkin()
                ? "--management.zipkin.tracing.endpoint=" + stack.zipkinSpansEndpoint()
                // nowhere to send spans: the services neither record nor try to report them
                : "--management.tracing.enabled=false";
    }

    /**
     * Loopback unless widened: the command side's development token issuer signs a staff token for
     * anyone who can reach it, so a local run must not be reachable from the network by default.
     */
    static String serverAddressArgument(LocalSystemOptions options) {
        return "--server.address=" + options.bindAddress();
    }

    /** The RSA key the development tokens of this data directory are signed with, shared by every service instance. */
    public Path devTokenKeyFile() {
        return stack.workDirectory().root().resolve("dev-token-key.json");
    }

    /** The key-encryption key of this data directory's personal data keys, shared by every service instance. */
    public Path keyEncryptionKeyFile() {
        return stack.workDirectory().root().resolve("personal-data-kek");
    }

    /**
     * The Ed25519 pair the command side signs checkpoints with (the private key on the first line, the
     * public key on the second, base64): an auditor verifies a copy of this directory's database with
     * the second line.
     */
    public Path checkpointKeyFile() {
        return stack.workDirectory().root().resolve("ledger-checkpoint-key");
    }

    /** A token of the development issuer for the subject, to send as {@code Authorization: Bearer <token>}. */
    public String devToken(String subject, String... roles) {
        return DevTokens.request(commandSideUri(), subject, List.of(roles), null);
    }

    public LocalStack stack() {
        return stack;
    }

    public synchronized boolean hasServices() {
        return !services.isEmpty();
    }

    public URI commandSideUri() {
        return service(COMMAND_SIDE).baseUri();
    }

    public URI querySideUri() {
        return service(QUERY_SIDE).baseUri();
    }

    /** The address of any instance, {@code command-side-2} for one started by {@link #startCommandSideInstance()}. */
    public URI serviceUri(String name) {
        return service(name).baseUri();
    }

    /** The process id of an instance, as the JVM reports it in its own name ("pid@host"). */
    public long pid(String name) {
        return service(name).pid();
    }

    public long commandSidePid() {
        return pid(COMMAND_SIDE);
    }

    public long querySidePid() {
        return pid(QUERY_SIDE);
    }

    public Path logDirectory() {
        return stack.workDirectory().root().resolve("logs");
    }

    private synchronized ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Stops the gateway and the services (in reverse order of their start), then Elasticsearch, Kafka and PostgreSQL. */
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
