package io.ledgerline.query.statements;

import io.ledgerline.query.projection.SqlBatch;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Masks the free text of erased customers' statement lines and of the transfers they paid, once the transaction has marked them
 * erased in customer_view: a line another node inserts meanwhile waits for that row and masks its
 * own text (see {@link StatementLineInserts}), and a line it inserted before is seen here.
 */
final class StatementTextErasures implements SqlBatch {

    private static final String MASK = """
            UPDATE statement_line
            SET description = CASE WHEN description IS NULL THEN NULL ELSE :mask END,
                reference = CASE WHEN reference IS NULL THEN NULL ELSE :mask END,
                external_reference = CASE WHEN external_reference IS NULL THEN NULL ELSE :mask END
            WHERE text_owner = :customerId
              AND (description <> :mask OR reference <> :mask OR external_reference <> :mask)
            """;

    /**
     * A transfer's text is the payer's and shows on both statements from transfer_view. Text of a
     * request from before sealing whose source account was not projected yet names no owner: it is
     * the source account's owner's.
     */
    private static final String MASK_TRANSFERS = """
            UPDATE transfer_view
            SET description = CASE WHEN description IS NULL THEN NULL ELSE :mask END,
                reference = CASE WHEN reference IS NULL THEN NULL ELSE :mask END
            WHERE (text_owner = :customerId
                   OR (text_owner IS NULL
                       AND source_account_id IN (SELECT account_id FROM account_view WHERE customer_id = :customerId)))
              AND (description <> :mask OR reference <> :mask)
            """;

    private final Set<String> erasedCustomers = new LinkedHashSet<>();

    void add(String customerId) {
        erasedCustomers.add(customerId);
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!erasedCustomers.isEmpty()) {
            SqlParameterSource[] erased = erasedCustomers.stream()
                    .map(customerId -> new MapSqlParameterSource()
                            .addValue("customerId", customerId)
                            .addValue("mask", PersonalDataOpener.ERASED))
                    .toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate(MASK, erased);
            jdbc.batchUpdate(MASK_TRANSFERS, erased);
        }
    }
}
