package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V13 lets the group role the query side's reconciliation login belongs to read the event
 * table, and nothing more, without a grant by hand; where no such group exists it changes nothing and
 * does not fail.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStoreReaderGrantIT {

    private static final String MIGRATION = "db/migration/V13__event_store_reader_grant.sql";

    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void wasAppliedWithTheOtherMigrations() {
        assertThat(jdbc.queryForObject("SELECT success FROM flyway_schema_history WHERE version = '13'", Boolean.class))
                .isTrue();
    }

    @Test
    void letsALoginOfTheEventStoreReadersReadTheEventTableAndNotWriteIt() throws Exception {
        // as an operator would before the command side's first start; the local stack has done so already
        jdbc.execute(PostgresServer.EVENT_READER_ROLES);
        jdbc.execute("REVOKE ALL ON domain_event_entry FROM event_store_reader");

        jdbc.execute(migration());

        try (Connection reader = DriverManager.getConnection(url, PostgresServer.EVENT_READER_USER,
                PostgresServer.EVENT_READER_PASSWORD); Statement statement = reader.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                assertThat(count.next()).isTrue();
            }
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM domain_event_entry WHERE global_index = -1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM ledger_verification"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void changesNothingWhereNoGroupOfEventStoreReadersExists() throws Exception {
        jdbc.execute(PostgresServer.EVENT_READER_ROLES);
        jdbc.execute("ALTER ROLE event_store_reader RENAME TO event_store_reader_elsewhere");
        try {
            assertThatCode(() -> jdbc.execute(migration())).doesNotThrowAnyException();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_roles WHERE rolname = 'event_store_reader'",
                    Long.class)).isZero();
        } finally {
            jdbc.execute("ALTER ROLE event_store_reader_elsewhere RENAME TO event_store_reader");
            jdbc.execute(migration());
        }
    }

    private static String migration() throws Exception {
        return new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
    }
}
