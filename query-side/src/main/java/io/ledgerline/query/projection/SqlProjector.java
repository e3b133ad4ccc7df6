package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;

/**
 * Applies events to one SQL read model. Called inside the transaction of {@link SqlProjection};
 * must be idempotent, since an event can be delivered again after a crash.
 */
public interface SqlProjector {

    void project(ReceivedEvent event);
}
