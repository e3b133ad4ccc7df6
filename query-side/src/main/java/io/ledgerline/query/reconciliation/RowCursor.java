package io.ledgerline.query.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * Rows of one query, read a page at a time: PostgreSQL's driver streams a result only inside a
 * transaction with a fetch size, and otherwise holds all of it in memory, which a ledger of millions of
 * accounts must not.
 */
final class RowCursor<T> implements AutoCloseable {

    private static final int FETCH_SIZE = 1000;

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Sets the query's parameters. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowReader<T> reader;
    private T next;

    RowCursor(DataSource dataSource, String sql, Parameters parameters, RowReader<T> reader) throws SQLException {
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            this.statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            parameters.set(statement);
            this.rows = statement.executeQuery();
            this.reader = reader;
            advance();
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** The current row, or null when the rows are through. */
    T peek() {
        return next;
    }

    T take() throws SQLException {
        if (next == null) {
            throw new NoSuchElementException();
        }
        T taken = next;
        advance();
        return taken;
    }

    private void advance() throws SQLException {
        next = rows.next() ? reader.read(rows) : null;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // the failure that got here is the one worth reporting
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
