package io.ledgerline.bench.peer;

import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.localstack.launch.ServiceProcess;
import io.ledgerline.localstack.process.Ports;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plain Axon service (module bench/peer-axon) as its own JVM, started with the command side's JVM options and
 * heap, on the run's PostgreSQL in a database of its own.
 */
public final class PeerAxon implements AutoCloseable {

    public static final String JAR = "bench/peer-axon/target/peer-axon-0.1.0-SNAPSHOT-exec.jar";
    public static final String NAME = "peer-axon";
    static final String DATABASE = "ledgerline_peer";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final ServiceProcess process;

    private PeerAxon(ServiceProcess process) {
        this.process = process;
    }

    /**
     * Starts the JVM and returns at once: it comes up while the ledger warms up; {@link #awaitReady} waits for it.
     *
     * @param jvmOptions the options the command side runs with: the same compiler, flags and heap
     */
    public static PeerAxon start(Path projectDirectory, LocalSystem system, List<String> jvmOptions, Consumer<String> progress) {
        createDatabase(system);
        int port = Ports.freePort();
        progress.accept("Starting the plain Axon peer on port " + port + " (database " + DATABASE + ")");
        ServiceProcess process = ServiceProcess.start(NAME, projectDirectory.resolve(JAR), port, jvmOptions, List.of(
                        "--server.port=" + port,
                        "--server.address=" + LocalSystemOptions.LOOPBACK,
                        "--spring.datasource.url=" + system.stack().postgresJdbcUrl(DATABASE),
                        "--spring.datasource.username=" + system.stack().postgresUser(),
                        "--spring.datasource.password=" + system.stack().postgresPassword()),
                system.logDirectory().resolve(NAME + ".log"),
                system.stack().workDirectory().serverDirectory("services").resolve(NAME + "-tmp"),
                system.stack().pidFiles());
        return new PeerAxon(process);
    }

    private static void createDatabase(LocalSystem system) {
        try (Connection connection = DriverManager.getConnection(system.stack().postgresJdbcUrl("postgres"),
                system.stack().postgresUser(), system.stack().postgresPassword());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the peer's database " + DATABASE, e);
        }
    }

    public void awaitReady(Consumer<String> progress) {
        process.awaitReady(START_TIMEOUT, progress);
    }

    public URI baseUri() {
        return process.baseUri();
    }

    /** The launcher's process; {@code ServiceJvm.pid} finds the JVM under it. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
