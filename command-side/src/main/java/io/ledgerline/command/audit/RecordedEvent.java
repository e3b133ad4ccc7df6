package io.ledgerline.command.audit;

import java.time.Instant;

/** What a state fold needs of a stored event: its place in the aggregate's history, its time and its fact. */
public record RecordedEvent(long sequence, Instant timestamp, Object payload) {
}
