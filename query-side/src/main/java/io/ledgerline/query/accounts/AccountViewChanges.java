package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.Money;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.SqlBatch;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The {@code account_view} changes of one transaction. Consecutive events of an account fold into
 * one update that sets each column to what the last of them says and moves the row to the last
 * event's version; the row's version guard keeps the update from going back, and an event at or
 * below what the transaction already holds for the account changes nothing, as it would one by one.
 */
final class AccountViewChanges implements SqlBatch {

    /**
     * The owner's name is read under a share lock: another node may be projecting the owner's
     * erasure (another partition) at this moment. Either the erasure commits first and this reads
     * no name, or the erasure waits for this insert and then clears the name along with the others.
     * Read without the lock, the insert could take the name from before the erasure and commit
     * after the erasure had cleared the accounts it could see. The owners' OwnerLocks, which the
     * transaction took before its first event (AccountProjection names the owners), cover the
     * registration, which has no row yet to lock.
     */
    static final String OPEN = """
            INSERT INTO account_view (account_id, customer_id, owner_name, currency, balance, available_balance,
                                      overdraft_limit, status, version, opened_at, updated_at)
            VALUES (:accountId, :customerId,
                    (SELECT name FROM customer_view WHERE customer_id = :customerId AND status = 'ACTIVE' FOR SHARE),
                    :currency, :balance, :available, :overdraftLimit, 'OPEN', :version, :at, :at)
            ON CONFLICT (account_id) DO NOTHING
            """;

    // columns an event leaves alone are passed as null and keep their value
    private static final String UPDATE = """
            UPDATE account_view
            SET balance = COALESCE(:balance, balance),
                overdraft_limit = COALESCE(:overdraftLimit, overdraft_limit),
                available_balance = COALESCE(:balance, balance) + COALESCE(:overdraftLimit, overdraft_limit),
                status = COALESCE(:status, status),
                version = :version, updated_at = :at
            WHERE account_id = :accountId AND version < :version
            """;

    private final Map<String, SqlParameterSource> openings = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Run> latestRuns = new HashMap<>();

    void open(AccountOpened opened, ReceivedEvent event) {
        Money zero = Money.zero(opened.currency());
        openings.putIfAbsent(opened.accountId().value(), new MapSqlParameterSource()
                .addValue("accountId", opened.accountId().value())
                .addValue("customerId", opened.customerId().value())
                .addValue("currency", opened.currency().getCurrencyCode())
                .addValue("balance", zero.amount())
                .addValue("available", zero.plus(opened.overdraftLimit()).amount())
                .addValue("overdraftLimit", opened.overdraftLimit().amount())
                .addValue("version", event.sequence())
                .addValue("at", Timestamp.from(event.timestamp())));
    }

    void balance(Money balance, ReceivedEvent event) {
        Run run = runFor(event);
        if (run != null) {
            run.balance = balance.amount();
        }
    }

    void status(String status, ReceivedEvent event) {
        Run run = runFor(event);
        if (run != null) {
            run.status = status;
        }
    }

    void overdraftLimit(Money limit, ReceivedEvent event) {
        Run run = runFor(event);
        if (run != null) {
            run.overdraftLimit = limit.amount();
        }
    }

    void touch(ReceivedEvent event) {
        runFor(event);
    }

    /** The run the event extends, or null when the transaction already holds the event or a later one. */
    private Run runFor(ReceivedEvent event) {
        Run latest = latestRuns.get(event.aggregateId());
        if (latest != null && event.sequence() <= latest.version) {
            return null;
        }
        Run run = latest;
        // after a gap the columns of the earlier run may have changed in between, so a new run starts
        if (latest == null || event.sequence() != latest.version + 1) {
            run = new Run(event.aggregateId());
            runs.add(run);
            latestRuns.put(event.aggregateId(), run);
        }
        run.version = event.sequence();
        run.at = Timestamp.from(event.timestamp());
        return run;
    }

    @Override
    public void write(NamedParameterJdbcTemplate jdbc) {
        if (!openings.isEmpty()) {
            jdbc.batchUpdate(OPEN, openings.values().toArray(SqlParameterSource[]::new));
        }
        if (!runs.isEmpty()) {
            jdbc.batchUpdate(UPDATE, runs.stream().map(Run::parameters).toArray(SqlParameterSource[]::new));
        }
    }

    private static final class Run {

        private final String accountId;
        private long version;
        private Timestamp at;
        private BigDecimal balance;
        private BigDecimal overdraftLimit;
        private String status;

        private Run(String accountId) {
            this.accountId = accountId;
        }

        private SqlParameterSource parameters() {
            return new MapSqlParameterSource()
                    .addValue("accountId", accountId)
                    .addValue("balance", balance, Types.NUMERIC)
                    .addValue("overdraftLimit", overdraftLimit, Types.NUMERIC)
                    .addValue("status", status, Types.VARCHAR)
                    .addValue("version", version)
                    .addValue("at", at);
        }
    }
}
