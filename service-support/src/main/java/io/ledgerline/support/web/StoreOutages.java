package io.ledgerline.support.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a database that cannot be reached (down, restarting, connection lost) in whatever
 * the transaction manager, Hibernate or Axon wrapped it in, by the JDBC failure underneath.
 */
public final class StoreOutages {

    /** SQLSTATE class 08 is "connection exception"; these 57P codes are server shutdown and startup. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> SERVER_GOING_DOWN_OR_STARTING = Set.of("57P01", "57P02", "57P03");
    /** The server ended a transaction (and its session) that stayed open beyond its transaction_timeout. */
    private static final String TRANSACTION_TIMEOUT = "25P04";
    /**
     * The pool evicts a connection the server dropped; a rollback on it then fails with this, without a
     * SQLSTATE, and the transaction manager throws that failure in place of the one that dropped it.
     */
    private static final String EVICTED_CONNECTION = "Connection is closed";
    private static final int MAX_CAUSES = 32;

    private StoreOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionLoss(sql)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return EVICTED_CONNECTION.equals(failure.getMessage());
        }
        return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_DOWN_OR_STARTING.contains(state)
                || TRANSACTION_TIMEOUT.equals(state);
    }
}
