package io.ledgerline.command.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.infrastructure.metadata.MetadataKeys;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.tracing.TraceContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The one wire form of a stored event on {@value LedgerHeaders#TOPIC}. Live publication and
 * republication both build their records here, so that a republished event is byte for byte the
 * record consumers saw first and their idempotency recognises it.
 */
@Component
public class LedgerRecords {

    private final ObjectMapper objectMapper;

    LedgerRecords(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** @param globalPosition the event's position in the event store, -1 when unknown */
    public ProducerRecord<String, byte[]> recordOf(DomainEventMessage<?> event, long globalPosition)
            throws JsonProcessingException {
        Object payload = event.getPayload();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, null,
                event.getTimestamp().toEpochMilli(), event.getAggregateIdentifier(),
                objectMapper.writeValueAsBytes(payload));
        Headers headers = record.headers();
        put(headers, LedgerHeaders.EVENT_ID, event.getIdentifier());
        put(headers, LedgerHeaders.EVENT_TYPE, EventTypes.nameOf(payload.getClass()));
        put(headers, LedgerHeaders.EVENT_REVISION, EventTypes.revisionOf(payload.getClass()));
        put(headers, LedgerHeaders.AGGREGATE_TYPE, event.getType());
        put(headers, LedgerHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        put(headers, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        put(headers, LedgerHeaders.GLOBAL_POSITION, Long.toString(globalPosition));
        put(headers, LedgerHeaders.TIMESTAMP, event.getTimestamp().toString());
        // only known keys: older events stored the client's transfer text as metadata, which must not reach Kafka in clear
        for (String key : MetadataKeys.PUBLISHED) {
            Object value = event.getMetaData().get(key);
            if (value != null) {
                put(headers, LedgerHeaders.METADATA_PREFIX + key, String.valueOf(value));
            }
        }
        // the W3C header, under its standard name: a republished event stays in the trace of the request that stored it
        Object traceparent = event.getMetaData().get(TraceContext.TRACEPARENT);
        if (traceparent != null) {
            put(headers, TraceContext.TRACEPARENT, String.valueOf(traceparent));
        }
        return record;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
