package io.ledgerline.command.infrastructure.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking the readers that tail it (the Kafka publisher, the transfer
 * saga) when the database transaction holding new events has really committed.
 *
 * <p>Axon wakes them when its unit of work commits. A REST command runs inside a transaction of
 * its own, which also stores the idempotency key and commits only after the unit of work has
 * ended; the readers then looked before the events were visible, found nothing and slept until the
 * store's next timed look (a second by default). That second showed up as the tail of the lag to
 * the read models and of transfers.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeTailingReaders();
                }
            });
        }
    }

    private void wakeTailingReaders() {
        afterCommit(List.of());
    }
}
