package io.ledgerline.query.projection;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import io.ledgerline.query.parking.RecordBatches;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the live batches of a projection, on every query node, apart from a rebuild's take-over.
 * A live batch holds a shared PostgreSQL advisory lock on its projection while it applies; a
 * rebuild taking over holds the same lock exclusively while it reads the end of the topic, applies
 * up to it and swaps. So no node writes into the version being replaced once the rebuild has read
 * that end, and everything a node wrote before lies below it: the new version holds at least what
 * the old one served, and a read never goes back at the swap. Pausing the rebuilding node's own
 * listener alone could not promise that, since the other nodes' listeners keep going.
 */
@Component
public class LiveBatchGate {

    // the first half of the two-part advisory lock key, apart from the rebuild leases' locks
    private static final int LOCK_SPACE = 0x4c4c4247;
    // a live batch waits out a take-over, which lasts about a second; longer means the rebuild's node is stuck
    private static final Duration LIVE_WAIT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public LiveBatchGate(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Holds the projection's gate for the rest of the current transaction, which applies a live batch. */
    public void holdForTransaction(String projection) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The gate of " + projection + " is held by a transaction; none is active");
        }
        jdbc.execute("SET LOCAL lock_timeout = '" + LIVE_WAIT.toMillis() + "ms'");
        jdbc.queryForObject("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))::text", String.class, LOCK_SPACE,
                projection);
    }

    /**
     * Applies a live poll of a projection whose writes have no transaction of their own (they go to
     * Elasticsearch) through the gate; each unit of work that {@link RecordBatches} makes of it passes on its own.
     */
    public void applyLive(String projection, List<ConsumerRecord<String, byte[]>> records, RecordBatches.Unit unit) {
        RecordBatches.apply(records, batch -> pass(projection, () -> unit.apply(batch)));
    }

    private void pass(String projection, Work batch) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock(connection, projection, "pg_advisory_xact_lock_shared", LIVE_WAIT);
                batch.run();
            } finally {
                // ends the transaction, and with it the lock
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The live batch gate of " + projection + " is not available", e);
        }
    }

    /**
     * Closes the projection's gate to live batches once those in flight have ended, for a rebuild's
     * take-over; new ones wait until it is closed again. Empty when the batches in flight did not end
     * within the given time.
     */
    public Optional<Closed> close(String projection, Duration wait) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            lock(connection, projection, "pg_advisory_xact_lock", wait);
            return Optional.of(new Closed(connection));
        } catch (SQLException e) {
            release(connection);
            if ("55P03".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw new DataAccessResourceFailureException("The live batch gate of " + projection + " is not available", e);
        }
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            // ends the transaction, and with it the lock
            connection.rollback();
        } catch (SQLException e) {
            // a broken connection holds no lock any more
        }
    }

    /** The gate closed to live batches until {@link #close()}. */
    public static final class Closed implements AutoCloseable {

        private final Connection connection;

        private Closed(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            release(connection);
        }
    }

    private static void lock(Connection connection, String projection, String function, Duration wait)
            throws SQLException {
        try (Statement timeout = connection.createStatement()) {
            timeout.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setString(2, projection);
            lock.execute();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }
}
