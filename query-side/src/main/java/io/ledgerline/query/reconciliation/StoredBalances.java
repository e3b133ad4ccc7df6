package io.ledgerline.query.reconciliation;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.support.web.StoreOutages;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Balances as the event store proves them, added up in PostgreSQL from the stored payloads.
 *
 * <p>Every event that moves money carries its amount as {@code {"amount": "12.50", "currency": ...}}
 * in every revision stored so far: upcasting (text before sealing) changes only the free text, and
 * amounts are never sealed. A balance is the sum of the signed amounts, not the balance an event
 * states: the store's arithmetic is checked, not repeated. A deposit counts in, a withdrawal out, a
 * transfer's debit out and its credit and reversal in; the other account events move no money but
 * count for the version.
 */
class StoredBalances {

    private static final List<Class<?>> ACCOUNT_EVENTS = List.of(AccountOpened.class, MoneyDeposited.class,
            MoneyWithdrawn.class, AccountDebitedForTransfer.class, AccountCreditedForTransfer.class,
            TransferDebitReversed.class, TransferDebitSettled.class, AccountFrozen.class, AccountUnfrozen.class,
            AccountClosed.class, OverdraftLimitChanged.class);
    private static final List<Class<?>> MONEY_IN = List.of(MoneyDeposited.class, AccountCreditedForTransfer.class,
            TransferDebitReversed.class);
    private static final List<Class<?>> MONEY_OUT = List.of(MoneyWithdrawn.class, AccountDebitedForTransfer.class);

    /**
     * The account events, each read as JSON only when it moves money or names the currency. The store
     * names a payload by its class (Axon's payload type), which the events of shared-events keep.
     */
    private static final String EVENTS = """
            SELECT aggregate_identifier, sequence_number, payload_type,
                   CASE WHEN payload_type IN (%s) THEN convert_from(payload, 'UTF8')::jsonb END AS body
            FROM domain_event_entry
            WHERE payload_type IN (%s)""".formatted(types(MONEY_IN, MONEY_OUT, List.of(AccountOpened.class)),
            types(ACCOUNT_EVENTS));

    private static final String SIGNED_AMOUNT = """
            CASE WHEN payload_type IN (%s) THEN (body -> 'amount' ->> 'amount')::numeric
                 WHEN payload_type IN (%s) THEN -(body -> 'amount' ->> 'amount')::numeric END"""
            .formatted(types(MONEY_IN), types(MONEY_OUT));

    private static final String CURRENCY = "max(CASE WHEN payload_type = '" + AccountOpened.class.getName()
            + "' THEN body ->> 'currency' END)";

    private static final String AMOUNT_OF = "CASE WHEN payload_type = '%s' THEN (body -> 'amount' ->> 'amount')::numeric END";

    private static final String ALL_AT = """
            SELECT aggregate_identifier, %s AS currency, max(sequence_number) AS version,
                   coalesce(sum(%s), 0) AS balance,
                   coalesce(sum(%s), 0) AS deposited,
                   coalesce(sum(%s), 0) AS withdrawn
            FROM (%s AND global_index <= ?) account_event
            GROUP BY aggregate_identifier
            ORDER BY aggregate_identifier COLLATE "C"
            """.formatted(CURRENCY, SIGNED_AMOUNT, AMOUNT_OF.formatted(MoneyDeposited.class.getName()),
            AMOUNT_OF.formatted(MoneyWithdrawn.class.getName()), EVENTS);

    private static final String ONE_AT_VERSION = """
            SELECT %s AS currency, max(sequence_number) AS version, coalesce(sum(%s), 0) AS balance
            FROM (%s AND aggregate_identifier = ? AND sequence_number <= ?) account_event
            """.formatted(CURRENCY, SIGNED_AMOUNT, EVENTS);

    private final DataSource eventStore;
    private final JdbcTemplate jdbc;

    StoredBalances(DataSource eventStore) {
        this.eventStore = eventStore;
        this.jdbc = new JdbcTemplate(eventStore);
    }

    /** An account in the store with what entered and left the ledger through it. */
    record StoredAccount(AccountBalance balance, BigDecimal deposited, BigDecimal withdrawn) {
    }

    /** The highest global index stored now; -1 for an empty store. */
    long head() {
        try {
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            return head == null ? -1 : head;
        } catch (DataAccessException e) {
            // every run reads the head first: a store that is down is an outage, any other refusal is the setup's
            if (StoreOutages.isOutage(e)) {
                throw e;
            }
            throw new EventStoreUnreadable(e);
        }
    }

    /** Every account with an event at or below the global index, in the order of their ids' bytes. */
    RowCursor<StoredAccount> asOf(long globalIndex) throws SQLException {
        return new RowCursor<>(eventStore, ALL_AT, statement -> statement.setLong(1, globalIndex),
                row -> new StoredAccount(new AccountBalance(row.getString("aggregate_identifier"),
                        row.getString("currency"), row.getLong("version"), row.getBigDecimal("balance")),
                        row.getBigDecimal("deposited"), row.getBigDecimal("withdrawn")));
    }

    /**
     * The account after its event of that sequence, as stored now; empty when the store holds no such
     * event of the account.
     */
    Optional<AccountBalance> atVersion(String accountId, long version) {
        return jdbc.query(ONE_AT_VERSION, row -> {
            row.next();
            long last = row.getLong("version");
            if (row.wasNull() || last != version) {
                return Optional.<AccountBalance>empty();
            }
            return Optional.of(new AccountBalance(accountId, row.getString("currency"), last,
                    row.getBigDecimal("balance")));
        }, accountId, version);
    }

    @SafeVarargs
    private static String types(List<Class<?>>... groups) {
        return Arrays.stream(groups).flatMap(List::stream)
                .map(type -> "'" + type.getName() + "'").collect(Collectors.joining(", "));
    }
}
