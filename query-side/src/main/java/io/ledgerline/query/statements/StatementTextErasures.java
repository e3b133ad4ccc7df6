package io.ledgerline.query.statements;

import io.ledgerline.query.projection.SqlBatch;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Masks the free text of erased customers' statement lines, once the transaction has marked them
 * erased in customer_view: a line another node inserts meanwhile waits for that row and masks its
 * own text (see {@link StatementLineInserts}), and a line it inserted before is seen here.
 */
final class StatementTextErasures implements SqlBatch {

    private static final String MASK = """
            UPDATE statement_line
            SET description = CASE WHEN description IS NULL THEN NULL ELSE :mask END,
                external_reference = CASE WHEN external_reference IS NULL THEN NULL ELSE :mask END
            WHERE text_owner = :customerId
              AND (description <> :mask OR external_reference <> :mask)
            """;

    private final Set<String> erasedCustomers = new LinkedHashSet<>();

    void add(String customerId) {
        erasedCustomers.add(customerId);
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!erasedCustomers.isEmpty()) {
            jdbc.batchUpdate(MASK, erasedCustomers.stream()
                    .map(customerId -> new MapSqlParameterSource()
                            .addValue("customerId", customerId)
                            .addValue("mask", PersonalDataOpener.ERASED))
                    .toArray(SqlParameterSource[]::new));
        }
    }
}
