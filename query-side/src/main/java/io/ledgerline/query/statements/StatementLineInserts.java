package io.ledgerline.query.statements;

import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.projection.SqlBatch;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The statement lines of one transaction, inserted in one batch; a line already there stays as it is.
 * A line stores the booking's own text only; a transfer's text is stored once, with the transfer.
 */
final class StatementLineInserts implements SqlBatch {

    /**
     * The owners of the batch's text, locked and read once for the whole batch, in the order of their
     * ids, under the owners' locks that the transaction took first (StatementProjection names the
     * owners, see OwnerLocks), so that two nodes writing batches of the same owners never wait for
     * each other crosswise.
     *
     * <p>Another node may be projecting an owner's erasure (another partition) at this moment, after
     * this node opened the text with the key that erasure deleted. Either the erasure commits first
     * and this reads the owner erased and writes the mask, or the erasure waits for these share locks
     * and, once this transaction has committed, masks the lines with the owner's others. A row is
     * locked whatever its status, so that an erasure not yet committed is waited for, and read as it
     * is after that wait.
     */
    private static final String LOCK_OWNERS = """
            SELECT customer_id, status FROM customer_view WHERE customer_id = ANY(?)
            ORDER BY customer_id FOR SHARE
            """;

    /**
     * Text stored before sealing names no owner; it is the account owner's, taken from the account's
     * opening when this transaction projected it (this batch may be written before the account
     * view's), else from account_view, which the account's opening, earlier in its partition, has
     * reached. A rebuild reads its own account_view the same way, so plain text projected after the
     * owner's erasure is written masked.
     */
    private static final String ACCOUNT_OWNERS = """
            SELECT account_id, customer_id FROM account_view WHERE account_id = ANY(?)
            """;

    // the text is the mask already where its owner was read erased under the lock (LOCK_OWNERS)
    private static final String INSERT = """
            INSERT INTO statement_line (account_id, sequence, type, amount, currency, balance_after, description,
                                        reference, external_reference, text_owner, transfer_id, reason_code,
                                        occurred_at, event_id)
            VALUES (:accountId, :sequence, :type, :amount, :currency, :balanceAfter, :description, :reference,
                    :externalReference, :textOwner, :transferId, :reasonCode, :occurredAt, :eventId)
            ON CONFLICT (account_id, sequence) DO NOTHING
            """;

    /**
     * Text of a transfer request from before sealing is the source account's owner's; a request
     * projected before that account's opening (another partition, and in a rebuild any order) could
     * not name them. The opening names them now, masking the text if they are erased already; the
     * owner's share lock (see LOCK_OWNERS) is the one the erasure waits for.
     */
    private static final String OWN_TRANSFER_TEXT = """
            UPDATE transfer_view
            SET text_owner = :customerId,
                description = CASE WHEN :erased AND description IS NOT NULL THEN :mask ELSE description END,
                reference = CASE WHEN :erased AND reference IS NOT NULL THEN :mask ELSE reference END
            WHERE source_account_id = :accountId AND text_owner IS NULL
              AND (description IS NOT NULL OR reference IS NOT NULL)
            """;

    private static final String ERASED = "ERASED";

    private final BookingTexts texts;

    // keyed by the line's place in the account's history, so that a redelivery within the batch is one line
    private final Map<String, StatementEntry> lines = new LinkedHashMap<>();

    // the owners of the accounts opened in this transaction, whose account_view rows may not be written yet
    private final Map<String, String> openedOwners = new HashMap<>();

    /** @param texts opens the texts of this transaction's lines, each customer's key looked up once */
    StatementLineInserts(BookingTexts texts) {
        this.texts = texts;
    }

    BookingTexts texts() {
        return texts;
    }

    void accountOpened(String accountId, String customerId) {
        openedOwners.put(accountId, customerId);
    }

    void add(StatementEntry entry) {
        lines.putIfAbsent(entry.accountId() + ":" + entry.sequence(), entry);
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (lines.isEmpty() && openedOwners.isEmpty()) {
            return;
        }
        Map<String, String> accountOwners = ownersOfAccountsNotOpenedHere(jdbc);
        Set<String> owners = new TreeSet<>(openedOwners.values());
        lines.values().stream().map(entry -> textOwner(entry, accountOwners)).filter(Objects::nonNull)
                .forEach(owners::add);
        Set<String> erased = lockAndReadErased(jdbc, owners);
        if (!lines.isEmpty()) {
            jdbc.batchUpdate(INSERT, lines.values().stream()
                    .map(entry -> parameters(entry, textOwner(entry, accountOwners), erased))
                    .toArray(SqlParameterSource[]::new));
        }
        if (!openedOwners.isEmpty()) {
            jdbc.batchUpdate(OWN_TRANSFER_TEXT, openedOwners.entrySet().stream()
                    .map(opened -> new MapSqlParameterSource()
                            .addValue("accountId", opened.getKey())
                            .addValue("customerId", opened.getValue())
                            .addValue("erased", erased.contains(opened.getValue()))
                            .addValue("mask", PersonalDataOpener.ERASED))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    /** The owners of the accounts whose lines show text from before sealing, where this transaction did not open them. */
    private Map<String, String> ownersOfAccountsNotOpenedHere(NamedParameterJdbcTemplate jdbc) {
        Map<String, String> owners = new HashMap<>(openedOwners);
        Set<String> unknown = new TreeSet<>();
        for (StatementEntry entry : lines.values()) {
            if (entry.text().showsTextBeforeSealing() && !owners.containsKey(entry.accountId())) {
                unknown.add(entry.accountId());
            }
        }
        if (!unknown.isEmpty()) {
            jdbc.getJdbcTemplate().query(ACCOUNT_OWNERS,
                    (RowCallbackHandler) row -> owners.put(row.getString("account_id"), row.getString("customer_id")),
                    (Object) unknown.toArray(String[]::new));
        }
        return owners;
    }

    /** Share-locks the owners' customer_view rows in the order of their ids and returns those erased. */
    private static Set<String> lockAndReadErased(NamedParameterJdbcTemplate jdbc, Set<String> owners) {
        Set<String> erased = new HashSet<>();
        if (owners.isEmpty()) {
            return erased;
        }
        jdbc.getJdbcTemplate().query(LOCK_OWNERS, (RowCallbackHandler) row -> {
            if (ERASED.equals(row.getString("status"))) {
                erased.add(row.getString("customer_id"));
            }
        }, (Object) owners.toArray(String[]::new));
        return erased;
    }

    private static String textOwner(StatementEntry entry, Map<String, String> accountOwners) {
        return entry.text().showsTextBeforeSealing() ? accountOwners.get(entry.accountId()) : entry.text().ownerId();
    }

    private static SqlParameterSource parameters(StatementEntry entry, String textOwner, Set<String> erased) {
        BookingText text = textOwner != null && erased.contains(textOwner) ? entry.text().masked() : entry.text();
        return new MapSqlParameterSource()
                .addValue("accountId", entry.accountId())
                .addValue("sequence", entry.sequence())
                .addValue("type", entry.type().name())
                .addValue("amount", entry.amount().amount())
                .addValue("currency", entry.amount().currency().getCurrencyCode())
                .addValue("balanceAfter", entry.balanceAfter().amount())
                .addValue("description", text.description(), Types.VARCHAR)
                .addValue("reference", text.reference(), Types.VARCHAR)
                .addValue("externalReference", text.externalReference(), Types.VARCHAR)
                .addValue("textOwner", textOwner, Types.VARCHAR)
                .addValue("transferId", entry.transferId(), Types.VARCHAR)
                .addValue("reasonCode", entry.reasonCode(), Types.VARCHAR)
                .addValue("occurredAt", Timestamp.from(entry.bookedAt()))
                .addValue("eventId", entry.eventId());
    }
}
