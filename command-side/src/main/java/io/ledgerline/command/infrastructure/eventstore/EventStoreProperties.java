package io.ledgerline.command.infrastructure.eventstore;

import io.ledgerline.command.account.Account;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event store is read and how long a transaction that may append to it can stay open.
 *
 * <p>The readers tailing the store (the Kafka publisher, the transfer saga) skip a global index
 * that is not committed yet and keep it as a gap, to pick the event up when its transaction
 * commits. Axon forgets a gap when it reads an event, behind the gap, that is older than the gap
 * timeout; an event committed after that is never read by them: missing on Kafka, never seen by
 * the saga. So every transaction is ended by PostgreSQL after {@code transactionTimeout}
 * ({@link BoundedJpaTransactionManager}), and the gap timeout must exceed twice that bound: the
 * event behind the gap may have been created up to one bound before the gap's index was drawn (its
 * own transaction began earlier and drew its index later), and the gap's transaction may commit up
 * to one bound after drawing it. What the gap timeout has beyond twice the bound covers the
 * readers' own query time and clocks of several nodes that differ. For the same reason the bound
 * must be below half of how long an account remembers a finished transfer step
 * ({@link Account#FINISHED_TRANSFERS_KEPT_FOR}).
 *
 * @param fetchDelay         how long the readers of the store wait before looking again when no commit
 *                           of this node woke them: events appended by another node wait this long
 * @param transactionTimeout the longest any transaction of the command side stays open, events
 *                           appended or not; PostgreSQL ends it (and its connection) after that
 * @param gapTimeout         how long a tailing reader keeps waiting for a global index that is not
 *                           committed yet; more than twice {@code transactionTimeout}
 * @param maxGapOffset       how many positions behind the newest event read a gap is still waited
 *                           for: at least the events the whole ledger can append while one
 *                           transaction stays open (100,000 is 2,500 a second for 40 s)
 */
@ConfigurationProperties("ledgerline.event-store")
public record EventStoreProperties(
        @DefaultValue("100ms") Duration fetchDelay,
        @DefaultValue("40s") Duration transactionTimeout,
        @DefaultValue("2m") Duration gapTimeout,
        @DefaultValue("100000") int maxGapOffset) {

    public EventStoreProperties {
        if (transactionTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ledgerline.event-store.transaction-timeout must be at least 1s, was "
                    + transactionTimeout);
        }
        if (gapTimeout.compareTo(transactionTimeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("ledgerline.event-store.gap-timeout (" + gapTimeout
                    + ") must be more than twice ledgerline.event-store.transaction-timeout (" + transactionTimeout
                    + "): an event committed later than that would be skipped by the Kafka publisher and the transfer saga");
        }
        if (Account.FINISHED_TRANSFERS_KEPT_FOR.compareTo(transactionTimeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("ledgerline.event-store.transaction-timeout (" + transactionTimeout
                    + ") must be less than half of the " + Account.FINISHED_TRANSFERS_KEPT_FOR + " accounts remember a "
                    + "finished transfer step for: a step repeated later would move the money again");
        }
        if (fetchDelay.isNegative() || fetchDelay.isZero()) {
            // a reader would ask the database again and again while it has nothing to read
            throw new IllegalArgumentException("ledgerline.event-store.fetch-delay must be positive, was " + fetchDelay);
        }
        if (maxGapOffset < 1) {
            throw new IllegalArgumentException("ledgerline.event-store.max-gap-offset must be positive, was " + maxGapOffset);
        }
    }
}
