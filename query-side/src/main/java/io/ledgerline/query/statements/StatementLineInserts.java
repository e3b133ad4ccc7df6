package io.ledgerline.query.statements;

import io.ledgerline.events.Money;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.projection.SqlBatch;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** The statement lines of one transaction, inserted in one batch; a line already there stays as it is. */
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
                                        external_reference, text_owner, counterparty_account_id, transfer_id,
                                        occurred_at, event_id)
            SELECT :accountId, :sequence, :type, :amount, :currency, :balanceAfter,
                   CASE WHEN owner.erased THEN :maskedDescription ELSE :description END,
                   CASE WHEN owner.erased THEN :maskedExternalReference ELSE :externalReference END,
                   text_owner.id,
                   (SELECT CASE WHEN source_account_id = :accountId THEN destination_account_id
                                ELSE source_account_id END
                    FROM transfer_view WHERE transfer_id = :transferId),
                   :transferId, :occurredAt, :eventId
            FROM (SELECT COALESCE(:textOwner, CASE WHEN :ownerFromAccount
                             THEN (SELECT customer_id FROM account_view WHERE account_id = :accountId) END) AS id)
                 AS text_owner,
                 LATERAL (SELECT COALESCE((SELECT status FROM customer_view WHERE customer_id = text_owner.id
                                           FOR SHARE) = 'ERASED', FALSE) AS erased) AS owner
            ON CONFLICT (account_id, sequence) DO NOTHING
            """;

    // keyed by the line's place in the account's history, so that a redelivery within the batch is one line
    private final Map<String, MapSqlParameterSource> lines = new LinkedHashMap<>();

    // the owners of the accounts opened in this transaction, whose account_view rows may not be written yet
    private final Map<String, String> openedOwners = new HashMap<>();

    void accountOpened(String accountId, String customerId) {
        openedOwners.put(accountId, customerId);
    }

    /** @param amount signed: money in is positive, money out negative */
    void add(String accountId, long sequence, StatementLineType type, Money amount, Money balanceAfter,
            BookingText text, String transferId, Instant occurredAt, String eventId) {
        boolean ownerFromAccount = text.showsTextBeforeSealing();
        String textOwner = ownerFromAccount ? openedOwners.get(accountId) : text.ownerId();
        BookingText masked = text.masked();
        lines.putIfAbsent(accountId + ":" + sequence, new MapSqlParameterSource()
                .addValue("accountId", accountId)
                .addValue("sequence", sequence)
                .addValue("type", type.name())
                .addValue("amount", amount.amount())
                .addValue("currency", amount.currency().getCurrencyCode())
                .addValue("balanceAfter", balanceAfter.amount())
                .addValue("description", text.description(), Types.VARCHAR)
                .addValue("maskedDescription", masked.description(), Types.VARCHAR)
                .addValue("externalReference", text.externalReference(), Types.VARCHAR)
                .addValue("maskedExternalReference", masked.externalReference(), Types.VARCHAR)
                .addValue("textOwner", textOwner, Types.VARCHAR)
                .addValue("ownerFromAccount", ownerFromAccount)
                .addValue("transferId", transferId, Types.VARCHAR)
                .addValue("occurredAt", Timestamp.from(occurredAt))
                .addValue("eventId", eventId));
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate(INSERT, lines.values().toArray(SqlParameterSource[]::new));
        }
    }
}
