package io.ledgerline.query.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read models are reconciled against the event store.
 *
 * @param enabled            whether it runs periodically; the endpoint runs it on request either way
 * @param interval           the pause between the end of one periodic run and the start of the next
 * @param initialDelay       the first periodic run, after the start
 * @param catchUpTimeout     how long an account whose read model is behind the store's position is waited
 *                           for before it is reported as lagging
 * @param maxWaitingAccounts accounts waited for at once; an account behind beyond them is reported lagging at
 *                           once, so that a run holds a bounded number of them
 * @param maxListedAccounts  mismatching accounts listed in a report; all of them are counted
 * @param eventStore         the command side's event table, read only
 */
@ConfigurationProperties("ledgerline.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT10M") Duration interval,
        @DefaultValue("PT1M") Duration initialDelay, @DefaultValue("PT30S") Duration catchUpTimeout,
        @DefaultValue("10000") int maxWaitingAccounts, @DefaultValue("100") int maxListedAccounts,
        @DefaultValue EventStore eventStore) {

    /**
     * A login that may only SELECT {@code domain_event_entry} (see README, "Reconciliation").
     */
    public record EventStore(@DefaultValue("jdbc:postgresql://localhost:5432/ledgerline_command") String url,
            String username, String password) {
    }
}
