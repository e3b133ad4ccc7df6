package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;

/** That the SQL read models now hold an aggregate at a version; travels as a NOTIFY payload. */
public record Projected(String aggregateId, long version, String eventType) {

    private static final char SEPARATOR = '|';

    static Projected of(ReceivedEvent event) {
        return new Projected(event.aggregateId(), event.sequence(), event.type());
    }

    String format() {
        return eventType + SEPARATOR + version + SEPARATOR + aggregateId;
    }

    /** Ids may contain anything but the type and version never contain the separator, so they come first. */
    public static Projected parse(String payload) {
        int first = payload.indexOf(SEPARATOR);
        int second = payload.indexOf(SEPARATOR, first + 1);
        return new Projected(payload.substring(second + 1), Long.parseLong(payload.substring(first + 1, second)),
                payload.substring(0, first));
    }
}
