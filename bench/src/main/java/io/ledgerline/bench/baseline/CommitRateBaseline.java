package io.ledgerline.bench.baseline;

import io.ledgerline.bench.load.ClosedLoopLoad;
import io.ledgerline.bench.load.MeasurementWindow;
import io.ledgerline.bench.load.Operation;
import io.ledgerline.bench.load.StepResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fastest a ledger could possibly append on this PostgreSQL server: one row shaped like a
 * stored event (ids, a sequence, a type, a timestamp, a 1 KB payload plus metadata, the event
 * store's primary key and unique constraint) inserted per transaction, with autocommit, by
 * independent JDBC clients. It runs in its own database on the same server and in the same run as
 * the Ledgerline measurements, so that each Ledgerline figure can be read as a fraction of it
 * whatever else the machine was doing.
 */
public final class CommitRateBaseline {

    public static final String DATABASE = "ledgerline_bench_baseline";
    static final int PAYLOAD_BYTES = 768;
    static final int METADATA_BYTES = 256;

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS baseline_event (
                global_index         BIGSERIAL    PRIMARY KEY,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                time_stamp           VARCHAR(255) NOT NULL,
                payload_type         VARCHAR(255) NOT NULL,
                payload              BYTEA        NOT NULL,
                meta_data            BYTEA,
                UNIQUE (aggregate_identifier, sequence_number))""";
    private static final String INSERT = "INSERT INTO baseline_event (aggregate_identifier, sequence_number, type,"
            + " event_identifier, time_stamp, payload_type, payload, meta_data) VALUES (?, ?, 'Account', ?, ?,"
            + " 'io.ledgerline.events.MoneyDeposited', ?, ?)";

    /**
     * Whether a commit waits for its WAL record on disk. The server runs with it on, as the services
     * do; off is set per session, so the same server and table show what the flush per commit costs.
     */
    public enum SynchronousCommit {
        ON, OFF
    }

    private final String serverJdbcUrl;
    private final String user;
    private final String password;

    /** @param postgresJdbcUrl a JDBC URL of any database on the server (the baseline creates its own) */
    public CommitRateBaseline(String postgresJdbcUrl, String user, String password) {
        this.serverJdbcUrl = postgresJdbcUrl.substring(0, postgresJdbcUrl.lastIndexOf('/') + 1);
        this.user = user;
        this.password = password;
    }

    public void prepare() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverJdbcUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
    }

    public String serverVersion() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    public String setting(String name) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    public StepResult measure(int clients, SynchronousCommit synchronousCommit, Duration warmup, Duration measured,
                              MeasurementWindow window) {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Connection connection = connect();
                connections.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = " + synchronousCommit.name().toLowerCase(Locale.ROOT));
                }
            }
            return ClosedLoopLoad.run("baseline", clients, warmup, measured, i -> inserter(connections.get(i)), window);
        } catch (SQLException e) {
            throw new IllegalStateException("Baseline clients could not connect", e);
        } finally {
            connections.forEach(CommitRateBaseline::closeQuietly);
        }
    }

    private static Operation inserter(Connection connection) {
        String aggregate = UUID.randomUUID().toString();
        byte[] payload = randomBytes(PAYLOAD_BYTES);
        byte[] metadata = randomBytes(METADATA_BYTES);
        long[] sequence = {0};
        PreparedStatement insert;
        try {
            connection.setAutoCommit(true);
            insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return () -> {
            insert.setString(1, aggregate);
            insert.setLong(2, sequence[0]++);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, Instant.now().toString());
            insert.setBytes(5, payload);
            insert.setBytes(6, metadata);
            insert.executeUpdate();
        };
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverJdbcUrl + DATABASE, user, password);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the measurement is over; a failing close changes nothing in it
        }
    }
}
