package io.ledgerline.query.accounts;

import io.ledgerline.query.projection.SqlBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** The statement lines of one transaction, inserted in one batch; a line already there stays as it is. */
final class StatementLineInserts implements SqlBatch {

    private static final String INSERT = """
            INSERT INTO statement_line (account_id, sequence, type, amount, currency, balance_after, description,
                                        external_reference, counterparty_account_id, transfer_id, occurred_at, event_id)
            VALUES (:accountId, :sequence, :type, :amount, :currency, :balanceAfter, :description, :externalReference,
                    (SELECT CASE WHEN source_account_id = :accountId THEN destination_account_id
                                 ELSE source_account_id END
                     FROM transfer_view WHERE transfer_id = :transferId),
                    :transferId, :occurredAt, :eventId)
            ON CONFLICT (account_id, sequence) DO NOTHING
            """;

    // keyed by the line's place in the account's history, so that a redelivery within the batch is one line
    private final Map<String, MapSqlParameterSource> lines = new LinkedHashMap<>();

    void add(String accountId, long sequence, MapSqlParameterSource line) {
        lines.putIfAbsent(accountId + ":" + sequence, line);
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate(INSERT, lines.values().toArray(SqlParameterSource[]::new));
        }
    }
}
