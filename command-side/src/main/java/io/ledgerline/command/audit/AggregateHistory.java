package io.ledgerline.command.audit;

import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.EventTypes;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import io.ledgerline.support.text.TextRules;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads one aggregate's events from the event store, upcast to their current revisions. It always
 * reads from a sequence number, never through {@code readEvents(id)}, which would start at the
 * latest snapshot: the audit trail and a past state must not depend on when snapshots were taken.
 */
@Component
public class AggregateHistory {

    private final EventStore eventStore;
    private final AuditedPayloads payloads;

    AggregateHistory(EventStore eventStore, AuditedPayloads payloads) {
        this.eventStore = eventStore;
        this.payloads = payloads;
    }

    public EventPage page(AggregateKind kind, String id, int page, int size) {
        long latest = requireKnown(kind, id);
        long first = (long) page * size;
        List<AuditedEvent> events = first > latest ? List.of()
                : eventStore.readEvents(id, first).asStream().limit(size).map(this::audited).toList();
        return new EventPage(id, page, size, latest + 1, events);
    }

    /** @throws NotYetExisting or {@link VersionNotReached} when the aggregate had no such state */
    public <S> S stateAt(AggregateKind kind, String id, PointInHistory point, StateFold<S> fold) {
        long latest = requireKnown(kind, id);
        if (point.version() != null && point.version() > latest) {
            throw new VersionNotReached(kind, id, point.version(), latest);
        }
        DomainEventStream events = eventStore.readEvents(id, 0);
        Iterator<RecordedEvent> recorded = events.asStream().map(AggregateHistory::recorded).iterator();
        return Replay.upTo(() -> recorded, point, fold).orElseThrow(() -> new NotYetExisting(kind, id,
                point.asOf(), eventStore.readEvents(id, 0).peek().getTimestamp()));
    }

    /** @return the aggregate's latest sequence number */
    private long requireKnown(AggregateKind kind, String id) {
        if (!TextRules.isWellFormedId(id)) {
            throw new UnknownResource(kind.noun(), id);
        }
        DomainEventStream first = eventStore.readEvents(id, 0);
        // an id of another kind of aggregate is as unknown here as one that was never used
        if (!first.hasNext() || !kind.storedType().equals(first.peek().getType())) {
            throw new UnknownResource(kind.noun(), id);
        }
        return eventStore.lastSequenceNumberFor(id).orElseThrow(() -> new UnknownResource(kind.noun(), id));
    }

    private AuditedEvent audited(DomainEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        return new AuditedEvent(event.getSequenceNumber(), event.getIdentifier(), EventTypes.nameOf(type),
                EventTypes.revisionOf(type), event.getTimestamp(), payloads.of(event.getPayload()),
                metadataOf(event));
    }

    /** Without the client's transfer text that older events kept as metadata: the payload shows it, masked once erased. */
    private static TreeMap<String, Object> metadataOf(DomainEventMessage<?> event) {
        TreeMap<String, Object> metadata = new TreeMap<>(event.getMetaData());
        metadata.remove(TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA);
        return metadata;
    }

    private static RecordedEvent recorded(DomainEventMessage<?> event) {
        return new RecordedEvent(event.getSequenceNumber(), event.getTimestamp(), event.getPayload());
    }
}
