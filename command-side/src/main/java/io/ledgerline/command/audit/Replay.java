package io.ledgerline.command.audit;

import java.util.Optional;

/** Folds an aggregate's events, oldest first, up to a point in its history. */
public final class Replay {

    private Replay() {
    }

    /** @return the state at the point, empty when the aggregate had no event by then */
    public static <S> Optional<S> upTo(Iterable<RecordedEvent> events, PointInHistory point, StateFold<S> fold) {
        S state = null;
        for (RecordedEvent event : events) {
            if (!point.includes(event)) {
                break;
            }
            state = fold.apply(state, event);
        }
        return Optional.ofNullable(state);
    }
}
