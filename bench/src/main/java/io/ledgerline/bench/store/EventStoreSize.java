package io.ledgerline.bench.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads how many events the command side has stored. The global index is allocated one by one in
 * commit order, so its maximum is the number of events, read from the primary key's index without
 * counting rows.
 */
public final class EventStoreSize {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public EventStoreSize(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public long events() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store's size", e);
        }
    }
}
