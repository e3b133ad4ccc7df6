package io.ledgerline.command.infrastructure.eventstore;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, read by each reader (the Kafka publisher, the transfer saga) on a stream of
 * its own, which is woken when the database transaction holding new events has really committed.
 *
 * <p>Axon signals a commit when its unit of work commits. A REST command runs inside a transaction of
 * its own, which also stores the idempotency key and commits only after the unit of work has ended; a
 * reader woken then looked before the events were visible, found nothing and slept until its next timed
 * look. That showed up as the tail of the lag to the read models and of transfers.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    private final CommitSignal commits = new CommitSignal();
    private final long lookAgainNanos;

    CommitAwareEventStore(Builder builder, Duration lookAgain) {
        super(builder);
        this.lookAgainNanos = lookAgain.toNanos();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CommitWokenStream(super.openStream(trackingToken), commits, lookAgainNanos);
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    commits.committed();
                }
            });
        }
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        commits.committed();
    }
}
