package io.ledgerline.command.audit;

import java.time.Instant;

/** Where a replay stops: after the event of a version, or after the last event at or before an instant. */
public record PointInHistory(Long version, Instant asOf) {

    public PointInHistory {
        if ((version == null) == (asOf == null)) {
            throw new IllegalArgumentException("Exactly one of version and asOf is required");
        }
    }

    public static PointInHistory atVersion(long version) {
        return new PointInHistory(version, null);
    }

    public static PointInHistory asOf(Instant instant) {
        return new PointInHistory(null, instant);
    }

    boolean includes(RecordedEvent event) {
        return version != null ? event.sequence() <= version : !event.timestamp().isAfter(asOf);
    }
}
