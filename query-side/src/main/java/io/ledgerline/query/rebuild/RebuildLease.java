package io.ledgerline.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run one rebuild: a PostgreSQL advisory lock held by a connection of its own. Only
 * one query node works on a rebuild; when that node dies, its connection closes, the lock goes
 * and another node may resume the rebuild.
 */
final class RebuildLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RebuildLease.class);
    // the first half of the two-part advisory lock key, keeping rebuild locks apart from any others
    private static final int LOCK_SPACE = 0x4c4c5242;
    private static final int VALIDITY_CHECK_SECONDS = 5;

    private final Connection connection;

    private RebuildLease(Connection connection) {
        this.connection = connection;
    }

    static Optional<RebuildLease> tryAcquire(DataSource dataSource, String rebuildId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setString(2, rebuildId);
                try (ResultSet result = lock.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return Optional.of(new RebuildLease(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            log.debug("No lease on rebuild {}: {}", rebuildId, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether the lock is still ours. A database restart ends the lease's session and so the lock,
     * and another node may then resume the rebuild: the worker asks before every batch and stops
     * when the answer is no.
     */
    boolean isHeld() {
        try {
            return connection.isValid(VALIDITY_CHECK_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // the lock belongs to the session; a pooled connection must not keep it
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            log.debug("Advisory locks not released explicitly: {}", e.toString());
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Connection not closed cleanly: {}", e.toString());
        }
    }
}
