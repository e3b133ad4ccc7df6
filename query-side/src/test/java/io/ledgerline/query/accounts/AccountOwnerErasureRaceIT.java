package io.ledgerline.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.query.QuerySideIT;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two query nodes consume different partitions: one projects a customer's erasure while the other
 * opens an account of that customer. On the real database, whichever commits last, the account's
 * row must not keep the erased owner's name.
 */
class AccountOwnerErasureRaceIT extends QuerySideIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;

    @Test
    void anAccountOpenedWhileItsOwnersErasureIsInFlightDoesNotKeepTheName() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String accountId = "acc-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO customer_view (customer_id, name, email, status, version, registered_at, updated_at)
                VALUES (?, 'Erin Race', 'erin.race@example.org', 'ACTIVE', 0, now(), now())""", customerId);

        CompletableFuture<Integer> opening;
        try (Connection erasure = dataSource.getConnection()) {
            erasure.setAutoCommit(false);
            // what the erasure's projection writes, on the other node, not yet committed
            execute(erasure, "UPDATE customer_view SET name = NULL, email = NULL, status = 'ERASED', version = 1 "
                    + "WHERE customer_id = ?", customerId);
            execute(erasure, "UPDATE account_view SET owner_name = NULL WHERE customer_id = ?", customerId);

            opening = CompletableFuture.supplyAsync(() -> named.update(AccountViewChanges.OPEN, new MapSqlParameterSource()
                    .addValue("accountId", accountId).addValue("customerId", customerId).addValue("currency", "EUR")
                    .addValue("balance", BigDecimal.ZERO).addValue("available", BigDecimal.ZERO)
                    .addValue("overdraftLimit", BigDecimal.ZERO).addValue("version", 0L)
                    .addValue("at", Timestamp.from(Instant.parse("2026-03-01T09:00:00Z")))));
            await().atMost(Duration.ofSeconds(10)).until(() -> opening.isDone() || openingWaitsForALock());
            erasure.commit();
        }
        opening.get(10, TimeUnit.SECONDS);

        assertThat(jdbc.queryForList("SELECT owner_name FROM account_view WHERE account_id = ?", String.class, accountId))
                .containsExactly((String) null);
    }

    private boolean openingWaitsForALock() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO account_view%'""", Long.class) > 0;
    }

    private static void execute(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
