package io.ledgerline.command.audit;

import java.util.List;

/** One page of an aggregate's history, oldest first; page n holds the events from sequence n * size on. */
public record EventPage(String aggregateId, int page, int size, long totalEvents, List<AuditedEvent> events) {
}
