package io.ledgerline.localstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server from the zonky binaries. Binaries, data and logs all live in the given
 * directory, so nothing lands in /tmp, and a persistent directory is reused across restarts.
 */
public final class PostgresServer implements AutoCloseable {

    public static final List<String> LEDGERLINE_DATABASES = List.of("ledgerline_command", "ledgerline_query");
    /** The query side's login to the key store: a member of the group the command side's migration grants SELECT on the key table to. */
    public static final String KEY_READER_USER = "ledgerline_key_reader";
    public static final String KEY_READER_PASSWORD = "ledgerline_key_reader";
    /**
     * Creates the group role {@code personal_data_key_reader} (its only privilege, SELECT on
     * personal_data_keys, comes from the command side's migration V8) and the query side's login in
     * it, before any migration runs; the same as docker/postgres/init-databases.sh.
     */
    public static final String KEY_READER_ROLES = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'personal_data_key_reader') THEN
                    CREATE ROLE personal_data_key_reader NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN
                    CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE personal_data_key_reader;
                END IF;
            END
            $$""".formatted(KEY_READER_USER, KEY_READER_USER, KEY_READER_PASSWORD);

    /** The query side's login to the event store for reconciliation: a member of {@code event_store_reader}. */
    public static final String EVENT_READER_USER = "ledgerline_event_reader";
    public static final String EVENT_READER_PASSWORD = "ledgerline_event_reader";
    /**
     * Creates the group role {@code event_store_reader} and the query side's login in it; its only
     * privilege, SELECT on domain_event_entry, is granted once the table exists ({@link #EVENT_READER_GRANT}).
     */
    public static final String EVENT_READER_ROLES = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'event_store_reader') THEN
                    CREATE ROLE event_store_reader NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN
                    CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE event_store_reader;
                END IF;
            END
            $$""".formatted(EVENT_READER_USER, EVENT_READER_USER, EVENT_READER_PASSWORD);
    /** Run in the command side's database after its migrations created the event table. */
    public static final String EVENT_READER_GRANT = "GRANT SELECT ON domain_event_entry TO event_store_reader";

    /** zonky's clusters use trust authentication; the password is accepted but not checked. */
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    /** zonky reads this property to place its scratch directory, which otherwise is java.io.tmpdir/embedded-pg. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static final String ZONKY_WORKING_DIR_PROPERTY = "ot.epg.working-dir";

    /** While set, zonky's close() leaves a data directory it would otherwise delete. */
    private static final String ZONKY_NO_CLEANUP_PROPERTY = "ot.epg.no-cleanup";

    private final EmbeddedPostgres postgres;
    private final Optional<ProcessHandle> postmaster;

    private PostgresServer(EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    /**
     * @param binaries    where the binaries are extracted (once) and run from
     * @param directory   holds data/ and postgres.log
     * @param port        fixed port, already checked to be free
     * @param persistent  keep the data directory on close (and reuse an existing one on start)
     */
    public static PostgresServer start(Path binaries, Path directory, int port, boolean persistent) {
        return start(binaries, directory, port, persistent, persistent);
    }

    /**
     * Starts again on the data a server stopped by {@link #stopKeepingData()} left in
     * {@code directory}, as a restarted database server would.
     *
     * @param durable fsync and synchronous commits on, as for a persistent directory
     */
    public static PostgresServer startOnExistingData(Path binaries, Path directory, int port, boolean durable) {
        return start(binaries, directory, port, durable, true);
    }

    private static PostgresServer start(Path binaries, Path directory, int port, boolean durable, boolean keepData) {
        try {
            Files.createDirectories(directory);
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = builderScratchingIn(directory.resolve("scratch"))
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    // a 2xx of a service means its events are on disk: a commit waits for its WAL flush. An
                    // ephemeral test cluster trades that for speed; zonky's builder defaults to off either way
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    // the lifecycle is ours: stopped in order by LocalStack, not by a hook of its own
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, postmaster(directory.resolve("data")));
            server.createDatabasesIfMissing(LEDGERLINE_DATABASES);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + directory, e);
        }
    }

    private static synchronized EmbeddedPostgres.Builder builderScratchingIn(Path scratch) {
        String previous = System.getProperty(ZONKY_WORKING_DIR_PROPERTY);
        System.setProperty(ZONKY_WORKING_DIR_PROPERTY, scratch.toString());
        try {
            return EmbeddedPostgres.builder();
        } finally {
            if (previous == null) {
                System.clearProperty(ZONKY_WORKING_DIR_PROPERTY);
            } else {
                System.setProperty(ZONKY_WORKING_DIR_PROPERTY, previous);
            }
        }
    }

    /** pg_ctl detaches the postmaster from us, so it is found through its pid file rather than as a child. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public void createDatabasesIfMissing(List<String> databases) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(KEY_READER_ROLES);
                statement.execute(EVENT_READER_ROLES);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create databases " + databases, e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }

    /** Stops the server (fast shutdown) but keeps its data directory, even an ephemeral one. */
    public void stopKeepingData() {
        synchronized (PostgresServer.class) {
            String previous = System.getProperty(ZONKY_NO_CLEANUP_PROPERTY);
            System.setProperty(ZONKY_NO_CLEANUP_PROPERTY, "true");
            try {
                close();
            } finally {
                if (previous == null) {
                    System.clearProperty(ZONKY_NO_CLEANUP_PROPERTY);
                } else {
                    System.setProperty(ZONKY_NO_CLEANUP_PROPERTY, previous);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        // pg_ctl stop returns once the pid file is gone, a moment before the postmaster has exited;
        // should pg_ctl have failed (its binaries deleted by a clean build, say), signal it directly
        postmaster.ifPresent(process -> {
            if (!exited(process, STOP_TIMEOUT)) {
                process.destroy();
                if (!exited(process, STOP_TIMEOUT)) {
                    process.destroyForcibly();
                }
            }
        });
    }
}
