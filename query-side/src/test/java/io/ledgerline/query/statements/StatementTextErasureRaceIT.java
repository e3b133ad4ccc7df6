package io.ledgerline.query.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two query nodes consume different partitions: one projects a customer's erasure while the other
 * inserts a statement line whose text it opened just before the erasure deleted the key. On the
 * real database, whichever commits last, the line must not keep the erased owner's text.
 */
class StatementTextErasureRaceIT extends QuerySideIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    BookingTexts texts;

    @Test
    void aLineInsertedWhileItsOwnersErasureIsInFlightIsMasked() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String accountId = "acc-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO customer_view (customer_id, name, email, status, version, registered_at, updated_at)
                VALUES (?, 'Erin Race', 'erin.race@example.org', 'ACTIVE', 0, now(), now())""", customerId);

        CompletableFuture<Void> inserting;
        try (Connection erasure = dataSource.getConnection()) {
            erasure.setAutoCommit(false);
            // what the erasure's projection writes, on the other node, not yet committed
            try (PreparedStatement statement = erasure.prepareStatement(
                    "UPDATE customer_view SET name = NULL, email = NULL, status = 'ERASED', version = 1 "
                            + "WHERE customer_id = ?")) {
                statement.setString(1, customerId);
                statement.executeUpdate();
            }
            StatementTextErasures masking = new StatementTextErasures();
            masking.add(customerId);
            masking.write(new NamedParameterJdbcTemplate(new SingleConnectionDataSource(erasure, true)));

            inserting = CompletableFuture.runAsync(() -> insertLineOpenedBeforeTheErasure(accountId, customerId));
            await().atMost(Duration.ofSeconds(10)).until(() -> inserting.isDone() || writerWaitsForTheOwnersLock());
            erasure.commit();
        }
        inserting.get(10, TimeUnit.SECONDS);

        Map<String, Object> line = jdbc.queryForMap(
                "SELECT description, external_reference, text_owner FROM statement_line WHERE account_id = ?", accountId);
        assertThat(line).containsEntry("description", PersonalDataOpener.ERASED)
                .containsEntry("external_reference", PersonalDataOpener.ERASED)
                .containsEntry("text_owner", customerId);
    }

    @Test
    void anErasureMasksOnlyTheTextTheOwnerWrote() throws Exception {
        String customerId = "cust-" + UUID.randomUUID();
        String accountId = "acc-" + UUID.randomUUID();
        insert(accountId, 1, customerId, "Salary", null);
        insert(accountId, 2, null, "Legacy", "OLD-1");

        StatementTextErasures masking = new StatementTextErasures();
        masking.add(customerId);
        masking.write(named);

        assertThat(jdbc.queryForList("SELECT coalesce(description, '-') || ' ' || coalesce(external_reference, '-') "
                + "FROM statement_line WHERE account_id = ? ORDER BY sequence", String.class, accountId))
                .containsExactly(PersonalDataOpener.ERASED + " -", "Legacy OLD-1");
    }

    private void insertLineOpenedBeforeTheErasure(String accountId, String customerId) {
        insert(accountId, 1, customerId, "Salary Erin", "PAY-1");
    }

    private void insert(String accountId, long sequence, String owner, String description, String externalReference) {
        StatementLineInserts lines = new StatementLineInserts(texts);
        lines.add(new StatementEntry(accountId, sequence, StatementLineType.DEPOSIT, Money.of("10.00", "EUR"),
                Money.of("10.00", "EUR"),
                new BookingText(owner == null ? null : CustomerId.of(owner), description, null, externalReference),
                null, null, Instant.parse("2026-03-01T09:00:00Z"), UUID.randomUUID().toString()));
        lines.write(named);
    }

    // the lines' writer share-locks their owners' rows before it inserts them
    private boolean writerWaitsForTheOwnersLock() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%FROM customer_view%FOR SHARE%'""", Long.class) > 0;
    }
}
