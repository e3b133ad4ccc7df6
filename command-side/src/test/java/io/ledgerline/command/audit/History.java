package io.ledgerline.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds an aggregate's recorded events one minute apart, starting at {@link #START}. */
final class History {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private History() {
    }

    static List<RecordedEvent> of(Object... payloads) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int sequence = 0; sequence < payloads.length; sequence++) {
            events.add(new RecordedEvent(sequence, at(sequence), payloads[sequence]));
        }
        return events;
    }

    /** The timestamp of the event of a sequence number. */
    static Instant at(long sequence) {
        return START.plusSeconds(60 * sequence);
    }
}
