package io.ledgerline.command.infrastructure.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards every stored event to {@value LedgerHeaders#TOPIC}. It runs in a tracking processor
 * whose token moves only when this handler returns, and it returns only after Kafka acknowledged
 * the record: an event is published at least once, and in order per aggregate because the
 * aggregate id is the record key.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper objectMapper;
    private final Duration acknowledgementTimeout;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper objectMapper,
            PublicationProperties properties) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> message, TrackingToken token) throws Exception {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, null,
                event.getTimestamp().toEpochMilli(), event.getAggregateIdentifier(), json(payload));
        Headers headers = record.headers();
        put(headers, LedgerHeaders.EVENT_ID, event.getIdentifier());
        put(headers, LedgerHeaders.EVENT_TYPE, EventTypes.nameOf(payload.getClass()));
        put(headers, LedgerHeaders.EVENT_REVISION, EventTypes.revisionOf(payload.getClass()));
        put(headers, LedgerHeaders.AGGREGATE_TYPE, event.getType());
        put(headers, LedgerHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        put(headers, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        put(headers, LedgerHeaders.GLOBAL_POSITION, Long.toString(token.position().orElse(-1)));
        put(headers, LedgerHeaders.TIMESTAMP, event.getTimestamp().toString());
        for (Map.Entry<String, ?> entry : event.getMetaData().entrySet()) {
            put(headers, LedgerHeaders.METADATA_PREFIX + entry.getKey(), String.valueOf(entry.getValue()));
        }
        kafka.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private byte[] json(Object payload) throws JsonProcessingException {
        return objectMapper.writeValueAsBytes(payload);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
