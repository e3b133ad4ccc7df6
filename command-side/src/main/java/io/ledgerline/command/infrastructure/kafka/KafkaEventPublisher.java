package io.ledgerline.command.infrastructure.kafka;

import io.ledgerline.events.LedgerHeaders;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
    private final LedgerRecords records;
    private final Duration acknowledgementTimeout;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, LedgerRecords records, PublicationProperties properties) {
        this.kafka = kafka;
        this.records = records;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> message, TrackingToken token) throws Exception {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        kafka.send(records.recordOf(event, token.position().orElse(-1)))
                .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
