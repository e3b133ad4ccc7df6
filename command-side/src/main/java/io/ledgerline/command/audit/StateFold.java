package io.ledgerline.command.audit;

/**
 * Rebuilds an aggregate's state from its events alone, without the aggregate class or its snapshots,
 * so a past state is computed the same way however the aggregate is loaded today.
 */
public interface StateFold<S> {

    /** @param state the state before the event, null before the aggregate's first event */
    S apply(S state, RecordedEvent event);
}
