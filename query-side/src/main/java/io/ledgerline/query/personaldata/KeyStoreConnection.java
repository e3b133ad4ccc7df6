package io.ledgerline.query.personaldata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The query side's own small, read-only pool to the key store. It is deliberately not a DataSource
 * bean: the query side's own database stays the only one Spring Boot configures and migrates.
 */
class KeyStoreConnection implements AutoCloseable {

    private final HikariDataSource dataSource;

    KeyStoreConnection(KeyStoreProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("personal-data-keys");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setReadOnly(!properties.createTable());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // like the query side's own pool: an unreachable store is an outage the projections wait out
        config.setConnectionTimeout(5000);
        // the query side starts, and serves, while the key store is still down
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        if (properties.createTable()) {
            new ResourceDatabasePopulator(new ClassPathResource(PersonalDataKeyTable.SCHEMA_SCRIPT))
                    .execute(dataSource);
        }
    }

    PersonalDataKeyTable keyTable() {
        return new PersonalDataKeyTable(new JdbcTemplate(dataSource));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
