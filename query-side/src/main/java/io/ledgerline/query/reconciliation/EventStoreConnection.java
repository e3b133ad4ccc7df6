package io.ledgerline.query.reconciliation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The query side's own small, read-only pool to the command side's event store. Like the key store's,
 * it is deliberately not a DataSource bean: the query side's own database stays the only one Spring
 * Boot configures and migrates.
 */
class EventStoreConnection implements AutoCloseable {

    private final HikariDataSource dataSource;

    EventStoreConnection(ReconciliationProperties.EventStore properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("reconciliation-event-store");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5000);
        // the query side starts, and serves, while the event store is down: only reconciliation needs it
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
