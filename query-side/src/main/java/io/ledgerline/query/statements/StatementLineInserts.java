package io.ledgerline.query.statements;

import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.projection.SqlBatch;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The statement lines of one transaction, inserted in one batch; a line already there stays as it is.
 * A line stores the booking's own text only; a transfer's text is stored once, with the transfer.
 */
final class StatementLineInserts implements SqlBatch {

    /**
     * The text's owner is read under a share lock: another node may be projecting the owner's
     * erasure (another partition) at this moment, after this node opened the text with the key
     * that erasure deleted. Either the erasure commits first and this writes the mask, or the
     * erasure waits for this insert and then masks the line with the owner's others. The lock is
     * taken on the row whatever its status, so that an erasure not yet committed is waited for.
     *
     * <p>Text stored before sealing names no owner; it is the account owner's, taken from the
     * account's opening when this transaction projected it (this batch may be written before the
     * account view's), else from account_view, which the account's opening, earlier in its partition,
     * has reached. A rebuild reads its own account_view the same way, so plain text projected after
     * the owner's erasure is written masked.
     */
    private static final String INSERT = """
            INSERT INTO statement_line (account_id, sequence, type, amount, currency, balance_after, description,
                                        reference, external_reference, text_owner, transfer_id, reason_code,
                                        occurred_at, event_id)
            SELECT :accountId, :sequence, :type, :amount, :currency, :balanceAfter,
                   CASE WHEN owner.erased THEN :maskedDescription ELSE :description END,
                   CASE WHEN owner.erased THEN :maskedReference ELSE :reference END,
                   CASE WHEN owner.erased THEN :maskedExternalReference ELSE :externalReference END,
                   text_owner.id, :transferId, :reasonCode, :occurredAt, :eventId
            FROM (SELECT COALESCE(:textOwner, CASE WHEN :ownerFromAccount
                             THEN (SELECT customer_id FROM account_view WHERE account_id = :accountId) END) AS id)
                 AS text_owner,
                 LATERAL (SELECT COALESCE((SELECT status FROM customer_view WHERE customer_id = text_owner.id
                                           FOR SHARE) = 'ERASED', FALSE) AS erased) AS owner
            ON CONFLICT (account_id, sequence) DO NOTHING
            """;

    /**
     * Text of a transfer request from before sealing is the source account's owner's; a request
     * projected before that account's opening (another partition, and in a rebuild any order) could
     * not name them. The opening names them now, masking the text if they are erased already; the
     * share lock is the one the erasure waits for (see above).
     */
    private static final String OWN_TRANSFER_TEXT = """
            UPDATE transfer_view
            SET text_owner = :customerId,
                description = CASE WHEN owner.erased AND description IS NOT NULL THEN :mask ELSE description END,
                reference = CASE WHEN owner.erased AND reference IS NOT NULL THEN :mask ELSE reference END
            FROM (SELECT COALESCE((SELECT status FROM customer_view WHERE customer_id = :customerId FOR SHARE)
                                  = 'ERASED', FALSE) AS erased) AS owner
            WHERE source_account_id = :accountId AND text_owner IS NULL
              AND (description IS NOT NULL OR reference IS NOT NULL)
            """;

    // keyed by the line's place in the account's history, so that a redelivery within the batch is one line
    private final Map<String, MapSqlParameterSource> lines = new LinkedHashMap<>();

    // the owners of the accounts opened in this transaction, whose account_view rows may not be written yet
    private final Map<String, String> openedOwners = new HashMap<>();

    void accountOpened(String accountId, String customerId) {
        openedOwners.put(accountId, customerId);
    }

    void add(StatementEntry entry) {
        BookingText text = entry.text();
        boolean ownerFromAccount = text.showsTextBeforeSealing();
        String textOwner = ownerFromAccount ? openedOwners.get(entry.accountId()) : text.ownerId();
        BookingText masked = text.masked();
        lines.putIfAbsent(entry.accountId() + ":" + entry.sequence(), new MapSqlParameterSource()
                .addValue("accountId", entry.accountId())
                .addValue("sequence", entry.sequence())
                .addValue("type", entry.type().name())
                .addValue("amount", entry.amount().amount())
                .addValue("currency", entry.amount().currency().getCurrencyCode())
                .addValue("balanceAfter", entry.balanceAfter().amount())
                .addValue("description", text.description(), Types.VARCHAR)
                .addValue("maskedDescription", masked.description(), Types.VARCHAR)
                .addValue("reference", text.reference(), Types.VARCHAR)
                .addValue("maskedReference", masked.reference(), Types.VARCHAR)
                .addValue("externalReference", text.externalReference(), Types.VARCHAR)
                .addValue("maskedExternalReference", masked.externalReference(), Types.VARCHAR)
                .addValue("textOwner", textOwner, Types.VARCHAR)
                .addValue("ownerFromAccount", ownerFromAccount)
                .addValue("transferId", entry.transferId(), Types.VARCHAR)
                .addValue("reasonCode", entry.reasonCode(), Types.VARCHAR)
                .addValue("occurredAt", Timestamp.from(entry.bookedAt()))
                .addValue("eventId", entry.eventId()));
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate(INSERT, lines.values().toArray(SqlParameterSource[]::new));
        }
        if (!openedOwners.isEmpty()) {
            jdbc.batchUpdate(OWN_TRANSFER_TEXT, openedOwners.entrySet().stream()
                    .map(opened -> new MapSqlParameterSource()
                            .addValue("accountId", opened.getKey())
                            .addValue("customerId", opened.getValue())
                            .addValue("mask", PersonalDataOpener.ERASED))
                    .toArray(SqlParameterSource[]::new));
        }
    }
}
