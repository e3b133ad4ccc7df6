package io.ledgerline.query.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads statements, newest first. Lines are ordered by their place in the account's history,
 * which never changes, so a page holds the same lines however often it is read.
 */
@Repository
public class StatementLineReader {

    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcClient jdbc;

    StatementLineReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StatementLine> page(String accountId, Instant from, Instant to, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM statement_line
                WHERE account_id = :accountId AND occurred_at >= :from AND occurred_at < :to
                ORDER BY sequence DESC
                LIMIT :size OFFSET :offset
                """)
                .param("accountId", accountId)
                .param("from", Timestamp.from(from == null ? BEGINNING : from))
                .param("to", Timestamp.from(to == null ? END : to))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new StatementLine(rs.getString("account_id"), rs.getLong("sequence"),
                        rs.getString("type"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getBigDecimal("balance_after"), rs.getString("description"),
                        rs.getString("external_reference"), rs.getString("counterparty_account_id"), rs.getString("transfer_id"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
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
