package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;

/**
 * Applies events to one SQL read model. Called inside the transaction of {@link SqlProjection},
 * which may hold many events; must be idempotent, since an event can be delivered again after a
 * crash. A projector may write at once or collect its changes in a {@link TransactionBatches} batch.
 */
public interface SqlProjector {

    void project(ReceivedEvent event);
}
