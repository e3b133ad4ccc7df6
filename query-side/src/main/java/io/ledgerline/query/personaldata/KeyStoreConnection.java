package io.ledgerline.query.personaldata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The query side's own small, read-only pool to the key store. It is deliberately not a DataSource
 * bean: the query side's own database stays the only one Spring Boot configures and migrates.
 */
class KeyStoreConnection implements AutoCloseable {

    private final HikariDataSource dataSource;

    /** @param ownDatabase the query side's database, where a test key store is created (its role may not create) */
    KeyStoreConnection(KeyStoreProperties properties, DataSource ownDatabase) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("personal-data-keys");
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setReadOnly(true);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // like the query side's own pool: an unreachable store is an outage the projections wait out
        config.setConnectionTimeout(5000);
        // the query side starts, and serves, while the key store is still down
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        if (properties.createTable()) {
            ResourceDatabasePopulator schema = new ResourceDatabasePopulator();
            PersonalDataKeyTable.SCHEMA_SCRIPTS.forEach(script -> schema.addScript(new ClassPathResource(script)));
            // each script is one statement for the driver: V8 holds a DO block with semicolons of its own
            schema.setSeparator(ScriptUtils.EOF_STATEMENT_SEPARATOR);
            schema.execute(ownDatabase);
        }
    }

    PersonalDataKeyTable keyTable(KeyEncryptionKeys keks) {
        return new PersonalDataKeyTable(new JdbcTemplate(dataSource), keks);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
