package io.ledgerline.query.events;

import io.ledgerline.events.LedgerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * One event as read from ledger.events.
 *
 * @param aggregateType the kind of aggregate that emitted it: {@code Account}, {@code Customer} or {@code Transfer}
 * @param sequence the event's position within its aggregate, starting at 0
 * @param globalPosition the event's position in the event store
 */
public record ReceivedEvent(String eventId, String type, String aggregateType, String aggregateId, long sequence,
        long globalPosition, Instant timestamp, Map<String, String> metadata, LedgerEvent payload) {
}
