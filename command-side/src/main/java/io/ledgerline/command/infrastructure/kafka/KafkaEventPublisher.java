package io.ledgerline.command.infrastructure.kafka;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Forwards every stored event to {@value LedgerHeaders#TOPIC}. It runs in a tracking processor
 * that hands it a batch of events in one unit of work. Waiting for Kafka's acknowledgement of each
 * record before sending the next would cost a broker round trip per event, so the records of a
 * batch are sent without waiting, and the batch commits (moving the token) only once Kafka
 * acknowledged all of them. A record that fails rolls the whole batch back and the processor sends
 * it again: an event is published at least once, and in order per aggregate because the aggregate
 * id is the record key and the idempotent producer writes a partition's records in send order.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, byte[]> kafka;
    private final LedgerRecords records;
    private final Duration acknowledgementTimeout;
    private final TraceContext traces;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, LedgerRecords records, PublicationProperties properties,
            TraceContext traces) {
        this.kafka = kafka;
        this.records = records;
        this.acknowledgementTimeout = properties.acknowledgementTimeout();
        this.traces = traces;
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> message, TrackingToken token, UnitOfWork<?> batch) throws Exception {
        PendingAcknowledgements pending = PendingAcknowledgements.of(batch, acknowledgementTimeout);
        // once a record of the batch failed, a later one must not reach the topic ahead of its retry
        pending.failIfAnyFailed();
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        ProducerRecord<String, byte[]> record = records.recordOf(event, token.position().orElse(-1));
        traces.inSpan("publish " + LedgerHeaders.TOPIC, Span.Kind.PRODUCER, traces.current().orElse(null), () -> {
            // the projections' spans hang under this publication, not under the command that stored the event
            traces.current().ifPresent(traceparent -> record.headers().remove(TraceContext.TRACEPARENT)
                    .add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
            pending.add(kafka.send(record));
            return null;
        });
    }
}
