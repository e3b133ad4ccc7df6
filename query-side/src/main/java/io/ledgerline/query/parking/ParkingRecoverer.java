package io.ledgerline.query.parking;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.stereotype.Component;

/** Parks a record its projection gave up on, so the partition moves on without losing it. */
@Component
class ParkingRecoverer implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(ParkingRecoverer.class);

    private final ParkedEvents parkedEvents;

    ParkingRecoverer(ParkedEvents parkedEvents) {
        this.parkedEvents = parkedEvents;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        String group = consumer.groupMetadata().groupId();
        RecordFacts facts = RecordFacts.of((ConsumerRecord<String, ?>) record);
        log.error("Parking {}-{}@{} ({} of {}) for {}: it cannot be projected", record.topic(), record.partition(),
                record.offset(), facts.eventType(), facts.aggregateId(), group, failure);
        parkedEvents.park(group, (ConsumerRecord<String, byte[]>) record, facts.aggregateId(), facts.eventType(),
                facts.eventId(), describe(failure));
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
