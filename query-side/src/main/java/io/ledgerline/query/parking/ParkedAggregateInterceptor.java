package io.ledgerline.query.parking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps an aggregate's order when one of its events is parked: its later events are parked behind
 * it instead of being applied to a model that missed an earlier change. Other aggregates of the
 * partition go on. One look at the parked events serves a whole poll.
 *
 * <p>A customer's erasure is the exception: it is applied at once even behind parked events of
 * its customer, since holding it would keep the erased name and email visible for as long as the
 * parked events wait. It is also parked behind them, so that a retry applies it once more after
 * the events it overtook: whatever they wrote (a registration into a view that had no row yet,
 * the plain text of an event from before sealing, an audit copy) is erased again. Applying an
 * erasure twice changes nothing more, as every projection applies it idempotently.
 */
@Component
class ParkedAggregateInterceptor implements BatchInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ParkedAggregateInterceptor.class);

    private final ParkedEvents parkedEvents;

    ParkedAggregateInterceptor(ParkedEvents parkedEvents) {
        this.parkedEvents = parkedEvents;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> received,
            Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        List<String> aggregateIds = new ArrayList<>();
        for (ConsumerRecord<Object, Object> record : received) {
            String aggregateId = RecordFacts.of(asLedgerRecord(record)).aggregateId();
            if (aggregateId != null) {
                aggregateIds.add(aggregateId);
            }
        }
        Set<String> held = parkedEvents.heldAggregates(group, aggregateIds);
        if (held.isEmpty()) {
            return received;
        }
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> passed = new LinkedHashMap<>();
        for (ConsumerRecord<Object, Object> listened : received) {
            ConsumerRecord<String, byte[]> record = asLedgerRecord(listened);
            RecordFacts facts = RecordFacts.of(record);
            boolean heldBack = facts.aggregateId() != null && held.contains(facts.aggregateId());
            if (heldBack && facts.isErasure()) {
                log.warn("Applying {}-{}@{} for {} ahead of the parked events of {}, and again after them",
                        record.topic(), record.partition(), record.offset(), group, facts.aggregateId());
                parkedEvents.park(group, record, facts.aggregateId(), facts.eventType(), facts.eventId(),
                        "Applied ahead of earlier parked events of aggregate " + facts.aggregateId()
                                + "; applied again after them when they are retried");
                passed.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                        .add(listened);
            } else if (heldBack) {
                log.warn("Parking {}-{}@{} for {}: an earlier event of {} is parked", record.topic(),
                        record.partition(), record.offset(), group, facts.aggregateId());
                parkedEvents.park(group, record, facts.aggregateId(), facts.eventType(), facts.eventId(),
                        "Held behind an earlier parked event of aggregate " + facts.aggregateId());
            } else {
                passed.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                        .add(listened);
            }
        }
        return new ConsumerRecords<>(passed);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> asLedgerRecord(ConsumerRecord<Object, Object> record) {
        return (ConsumerRecord<String, byte[]>) (ConsumerRecord<?, ?>) record;
    }
}
