package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;

/**
 * Applies events to one SQL read model. Called inside the transaction of {@link SqlProjection},
 * which may hold many events; must be idempotent, since an event can be delivered again after a
 * crash. A projector may write at once or collect its changes in a {@link TransactionBatches} batch.
 */
public interface SqlProjector {

    void project(ReceivedEvent event);

    /**
     * Names every customer whose {@code customer_view} row projecting the event writes or
     * share-locks, or whose {@link OwnerLocks} it relies on. Called for all the events of a
     * transaction before any of them is projected: the transaction takes those owners' locks
     * first, in one order (see {@link OwnersToLock}). A projector that locks an owner it did not
     * name could wait crosswise with another node's batch.
     */
    default void owners(ReceivedEvent event, OwnersToLock owners) {
    }
}
