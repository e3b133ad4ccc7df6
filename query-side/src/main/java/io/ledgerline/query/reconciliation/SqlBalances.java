package io.ledgerline.query.reconciliation;

import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The accounts as the SQL read model ({@code account_view}) holds them. */
class SqlBalances {

    private static final String COLUMNS = "SELECT account_id, currency, version, balance FROM account_view";

    private final DataSource readModels;
    private final JdbcTemplate jdbc;

    SqlBalances(DataSource readModels) {
        this.readModels = readModels;
        this.jdbc = new JdbcTemplate(readModels);
    }

    /** Every account, in the order of their ids' bytes, as the event store's accounts are read. */
    RowCursor<AccountBalance> all() throws SQLException {
        return new RowCursor<>(readModels, COLUMNS + " ORDER BY account_id COLLATE \"C\"", statement -> {
        }, row -> new AccountBalance(row.getString("account_id"), row.getString("currency"), row.getLong("version"),
                row.getBigDecimal("balance")));
    }

    Optional<AccountBalance> one(String accountId) {
        return jdbc.query(COLUMNS + " WHERE account_id = ?", (row, index) -> new AccountBalance(
                row.getString("account_id"), row.getString("currency"), row.getLong("version"),
                row.getBigDecimal("balance")), accountId).stream().findFirst();
    }
}
