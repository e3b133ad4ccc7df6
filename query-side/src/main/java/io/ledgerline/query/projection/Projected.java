package io.ledgerline.query.projection;

import io.ledgerline.query.events.ReceivedEvent;

/**
 * That the SQL read models now hold an aggregate at a version; travels as a NOTIFY payload.
 *
 * @param traceparent the span of the event's projection, so that what the change causes on any node
 *                    (a live update sent to a client) is in the event's trace; null when untraced
 */
public record Projected(String aggregateId, long version, String eventType, String traceparent) {

    private static final char SEPARATOR = '|';

    public Projected(String aggregateId, long version, String eventType) {
        this(aggregateId, version, eventType, null);
    }

    static Projected of(ReceivedEvent event, String traceparent) {
        return new Projected(event.aggregateId(), event.sequence(), event.type(), traceparent);
    }

    String format() {
        return eventType + SEPARATOR + version + SEPARATOR + (traceparent == null ? "" : traceparent) + SEPARATOR
                + aggregateId;
    }

    /** Ids may contain anything but the type, version and traceparent never contain the separator, so they come first. */
    public static Projected parse(String payload) {
        int first = payload.indexOf(SEPARATOR);
        int second = payload.indexOf(SEPARATOR, first + 1);
        int third = payload.indexOf(SEPARATOR, second + 1);
        String traceparent = payload.substring(second + 1, third);
        return new Projected(payload.substring(third + 1), Long.parseLong(payload.substring(first + 1, second)),
                payload.substring(0, first), traceparent.isEmpty() ? null : traceparent);
    }
}
