package io.ledgerline.query.transfers;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TransferViews {

    private final JdbcClient jdbc;

    TransferViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TransferView> find(String transferId) {
        return jdbc.sql("SELECT * FROM transfer_view WHERE transfer_id = :transferId")
                .param("transferId", transferId)
                .query((rs, row) -> new TransferView(rs.getString("transfer_id"), rs.getString("source_account_id"),
                        rs.getString("destination_account_id"), rs.getBigDecimal("amount").toPlainString(), rs.getString("currency"),
                        rs.getString("status"), rs.getString("failure_code"), rs.getString("failure_reason"),
                        rs.getLong("version"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public OptionalLong versionOf(String transferId) {
        return jdbc.sql("SELECT version FROM transfer_view WHERE transfer_id = :transferId")
                .param("transferId", transferId)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
