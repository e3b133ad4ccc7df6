package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine that links every event it appends into its aggregate's hash chain
 * ({@link EventHash}), in the event's metadata. The chain is per aggregate, so appenders never wait
 * for each other: the previous hash is read from the aggregate's last stored event in the appending
 * transaction, and the store's unique key (aggregate, sequence) refuses a concurrent appender that
 * read the same predecessor, exactly as it already refuses its event.
 */
public class ChainingEventStorageEngine extends JpaEventStorageEngine {

    private final ObjectMapper json = new ObjectMapper();

    public ChainingEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Map<String, String> lastHashes = new HashMap<>();
            List<DomainEventEntry> entries = new ArrayList<>(events.size());
            for (EventMessage<?> event : events) {
                entries.add(chained(EventUtils.asDomainEventMessage(event), serializer, lastHashes));
            }
            entries.forEach(entityManager()::persist);
            // as the engine's default (explicit flush): a refused append fails here, inside the unit of work
            entityManager().flush();
        } catch (Exception e) {
            handlePersistenceException(e, events.get(0));
        }
    }

    private DomainEventEntry chained(DomainEventMessage<?> event, Serializer serializer, Map<String, String> lastHashes) {
        DomainEventEntry unchained = new DomainEventEntry(event, serializer);
        String aggregateId = event.getAggregateIdentifier();
        String previous = lastHashes.containsKey(aggregateId)
                ? lastHashes.get(aggregateId)
                : storedHashBefore(aggregateId, event.getSequenceNumber());
        SerializedObject<byte[]> payload = unchained.getPayload();
        String hash = EventHash.of(previous, new ChainedEvent(unchained.getType(), aggregateId, event.getSequenceNumber(),
                event.getIdentifier(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), ChainMetadata.businessPart(event.getMetaData())));
        DomainEventEntry entry = new DomainEventEntry(
                event.andMetaData(Map.of(ChainMetadata.HASH, hash, ChainMetadata.PREVIOUS_HASH, previous)), serializer);
        if (!Arrays.equals(entry.getPayload().getData(), payload.getData())) {
            // serializing the payload gave other bytes the second time: the hash would not cover what is stored
            throw new IllegalStateException("The payload of event " + event.getIdentifier() + " ("
                    + payload.getType().getName() + ") does not serialize to the same bytes twice; it cannot be chained");
        }
        lastHashes.put(aggregateId, hash);
        return entry;
    }

    /**
     * The hash of the aggregate's event before this sequence. Genesis for the first event, and also
     * when that event carries no hash (a row stored around this engine, which verification reports)
     * rather than refusing every later event of the aggregate.
     */
    private String storedHashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return ChainMetadata.GENESIS;
        }
        List<?> rows = entityManager().createNativeQuery(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?1 AND sequence_number = ?2")
                .setParameter(1, aggregateId)
                .setParameter(2, sequence - 1)
                .getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return ChainMetadata.GENESIS;
        }
        try {
            JsonNode hash = json.readTree((byte[]) rows.get(0)).path(ChainMetadata.HASH);
            return hash.isTextual() ? hash.asText() : ChainMetadata.GENESIS;
        } catch (IOException e) {
            throw new IllegalStateException("The metadata of " + aggregateId + " sequence " + (sequence - 1)
                    + " is not JSON", e);
        }
    }
}
