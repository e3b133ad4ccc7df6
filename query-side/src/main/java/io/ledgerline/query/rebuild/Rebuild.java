package io.ledgerline.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One rebuild as recorded: what it builds, how far it got, and how it ended. */
public record Rebuild(String id, String projection, RebuildState state, String target, long eventsDone,
        long eventsTotal, String error, boolean settled, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    /** Events applied per second since the start, over the time until the last recorded progress. */
    public double eventsPerSecond() {
        Instant until = finishedAt != null ? finishedAt : updatedAt;
        double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : eventsDone / seconds;
    }

    /** Seconds until the rebuild catches up at its rate so far; empty when ended or still without a rate. */
    public Optional<Long> etaSeconds() {
        double rate = eventsPerSecond();
        if (!state.isActive() || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of((long) Math.ceil(Math.max(eventsTotal - eventsDone, 0) / rate));
    }
}
