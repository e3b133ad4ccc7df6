package io.ledgerline.query.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.localstack.postgres.PostgresServer;
import io.ledgerline.query.QuerySideIT;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The role the query side reads keys with, on the real PostgreSQL: it reads the key table and can
 * change nothing in it, nor read anything else; the query side under test uses it
 * (src/test/resources/application.properties).
 */
class KeyReaderRoleIT extends QuerySideIT {

    /** SQLSTATE insufficient_privilege. */
    private static final String PERMISSION_DENIED = "42501";

    @Autowired
    KeyStoreProperties keyStore;

    @Test
    void theQuerySideReadsKeysAsTheReaderRole() {
        assertThat(keyStore.username()).isEqualTo(PostgresServer.KEY_READER_USER);
    }

    @Test
    void readsTheKeyTable() throws Exception {
        CustomerId customer = CustomerId.of("cust-" + UUID.randomUUID());
        keys.seal(customer, PersonalDataField.NAME, "Ada Lovelace");

        try (Connection reader = asReader(); Statement statement = reader.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM personal_data_keys WHERE customer_id = '" + customer + "'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void cannotInsertUpdateOrDeleteKeys() throws Exception {
        CustomerId customer = CustomerId.of("cust-" + UUID.randomUUID());
        keys.seal(customer, PersonalDataField.NAME, "Ada Lovelace");

        assertDenied("INSERT INTO personal_data_keys (customer_id, key_bytes, kek_id, created_at) "
                + "VALUES ('cust-intruder', '\\x00', 'x', now())");
        assertDenied("UPDATE personal_data_keys SET key_bytes = '\\x00' WHERE customer_id = '" + customer + "'");
        assertDenied("DELETE FROM personal_data_keys WHERE customer_id = '" + customer + "'");
        assertDenied("TRUNCATE personal_data_keys");
    }

    @Test
    void cannotReadOtherTables() {
        assertDenied("SELECT count(*) FROM account_view");
    }

    private void assertDenied(String sql) {
        assertThatThrownBy(() -> {
            try (Connection reader = asReader(); Statement statement = reader.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                denied -> assertThat(denied.getSQLState()).isEqualTo(PERMISSION_DENIED));
    }

    private static Connection asReader() throws SQLException {
        return DriverManager.getConnection(RealInfrastructureExtension.stack().postgresJdbcUrl("ledgerline_query"),
                PostgresServer.KEY_READER_USER, PostgresServer.KEY_READER_PASSWORD);
    }
}
