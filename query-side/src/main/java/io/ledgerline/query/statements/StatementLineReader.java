package io.ledgerline.query.statements;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.personaldata.BookingText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads statements, newest first. Lines are ordered by their place in the account's history,
 * which never changes, so a page holds the same lines however often it is read. A transfer's lines
 * are read with the transfer (its payer's text and the counterparty) and the counterparty's owner's
 * current name, so they show them whichever was projected first, and an erasure masks the name
 * without rewriting lines.
 */
@Repository
public class StatementLineReader {

    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcClient jdbc;

    StatementLineReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a line, of its transfer and of the counterparty's owner, over lines selected as {@code line}. */
    private static final String LINES_WITH_PARTICULARS = """
            SELECT line.*, transfer.source_account_id, transfer.destination_account_id,
                   transfer.description AS transfer_description, transfer.reference AS transfer_reference,
                   transfer.text_owner AS transfer_text_owner, counterparty_owner.name AS counterparty_name
            FROM (%s) AS line
            LEFT JOIN transfer_view transfer ON transfer.transfer_id = line.transfer_id
            LEFT JOIN account_view counterparty
                   ON counterparty.account_id = CASE WHEN transfer.source_account_id = line.account_id
                                                     THEN transfer.destination_account_id
                                                     ELSE transfer.source_account_id END
            LEFT JOIN customer_view counterparty_owner ON counterparty_owner.customer_id = counterparty.customer_id
            """;

    public List<StatementLine> page(String accountId, Instant from, Instant to, int page, int size) {
        return jdbc.sql(LINES_WITH_PARTICULARS.formatted("""
                SELECT * FROM statement_line
                WHERE account_id = :accountId AND occurred_at >= :from AND occurred_at < :to
                ORDER BY sequence DESC
                LIMIT :size OFFSET :offset""") + "ORDER BY line.sequence DESC")
                .param("accountId", accountId)
                .param("from", Timestamp.from(from == null ? BEGINNING : from))
                .param("to", Timestamp.from(to == null ? END : to))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> line(rs))
                .list();
    }

    /**
     * The newest lines of each of many accounts before a place in their history, in one statement:
     * at most {@code size} an account, ordered by account and then newest first. A line's place never
     * changes, so a page that begins before one holds the same lines however many were booked since.
     *
     * @param beforeSequence only lines of an earlier place; {@link Long#MAX_VALUE} for the newest
     */
    public List<StatementLine> newestOfEach(Collection<String> accountIds, Instant from, Instant to,
            long beforeSequence, int size) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LINES_WITH_PARTICULARS.formatted("""
                SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY sequence DESC) AS place
                               FROM statement_line
                               WHERE account_id IN (:accountIds) AND occurred_at >= :from AND occurred_at < :to
                                 AND sequence < :before) AS ranked
                WHERE place <= :size""") + "ORDER BY line.account_id, line.sequence DESC")
                .param("accountIds", accountIds)
                .param("from", Timestamp.from(from == null ? BEGINNING : from))
                .param("to", Timestamp.from(to == null ? END : to))
                .param("before", beforeSequence)
                .param("size", size)
                .query((rs, row) -> line(rs))
                .list();
    }

    /** The line as {@link StatementEntry} makes it, of the stored entry and the transfer's stored particulars. */
    private static StatementLine line(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        StatementEntry entry = new StatementEntry(rs.getString("account_id"), rs.getLong("sequence"),
                StatementLineType.valueOf(rs.getString("type")), new Money(rs.getBigDecimal("amount"), currency),
                new Money(rs.getBigDecimal("balance_after"), currency),
                new BookingText(owner(rs.getString("text_owner")), rs.getString("description"),
                        rs.getString("reference"), rs.getString("external_reference")),
                rs.getString("transfer_id"), rs.getString("reason_code"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("event_id"));
        String source = rs.getString("source_account_id");
        Optional<TransferParticulars> transfer = source == null ? Optional.empty()
                : Optional.of(new TransferParticulars(entry.transferId(), source, rs.getString("destination_account_id"),
                        new BookingText(owner(rs.getString("transfer_text_owner")), rs.getString("transfer_description"),
                                rs.getString("transfer_reference"), null)));
        return entry.line(transfer).withCounterpartyName(rs.getString("counterparty_name"));
    }

    private static CustomerId owner(String customerId) {
        return customerId == null ? null : CustomerId.of(customerId);
    }

    public long count(String accountId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FROM statement_line
                WHERE account_id = :accountId AND occurred_at >= :from AND occurred_at < :to
                """)
                .param("accountId", accountId)
                .param("from", Timestamp.from(from == null ? BEGINNING : from))
                .param("to", Timestamp.from(to == null ? END : to))
                .query(Long.class).single();
    }
}
