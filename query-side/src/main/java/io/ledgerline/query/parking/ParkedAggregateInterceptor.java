package io.ledgerline.query.parking;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps an aggregate's order when one of its events is parked: its later events are parked behind
 * it instead of being applied to a model that missed an earlier change. Other aggregates of the
 * partition go on.
 */
@Component
class ParkedAggregateInterceptor implements RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ParkedAggregateInterceptor.class);

    private final ParkedEvents parkedEvents;

    ParkedAggregateInterceptor(ParkedEvents parkedEvents) {
        this.parkedEvents = parkedEvents;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> received,
            Consumer<Object, Object> consumer) {
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) (ConsumerRecord<?, ?>) received;
        String group = consumer.groupMetadata().groupId();
        RecordFacts facts = RecordFacts.of(record);
        if (facts.aggregateId() == null || !parkedEvents.holdsAggregate(group, facts.aggregateId())) {
            return received;
        }
        log.warn("Parking {}-{}@{} for {}: an earlier event of {} is parked", record.topic(), record.partition(),
                record.offset(), group, facts.aggregateId());
        parkedEvents.park(group, record, facts.aggregateId(), facts.eventType(), facts.eventId(),
                "Held behind an earlier parked event of aggregate " + facts.aggregateId());
        return null;
    }
}
