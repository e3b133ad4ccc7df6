package io.ledgerline.query.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.stereotype.Component;

/** Remembers, per projection, when the newest event it finished was written: the base of its lag in time. */
@Component
class ProjectionProgress implements BatchInterceptor<Object, Object> {

    private final Map<String, Instant> lastProjectedEventTime = new ConcurrentHashMap<>();

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
            Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        long newest = Long.MIN_VALUE;
        for (ConsumerRecord<Object, Object> record : records) {
            newest = Math.max(newest, record.timestamp());
        }
        if (newest == Long.MIN_VALUE) {
            return;
        }
        lastProjectedEventTime.merge(consumer.groupMetadata().groupId(), Instant.ofEpochMilli(newest),
                (known, latest) -> latest.isAfter(known) ? latest : known);
    }

    Optional<Instant> lastProjectedEventTime(String projection) {
        return Optional.ofNullable(lastProjectedEventTime.get(projection));
    }
}
