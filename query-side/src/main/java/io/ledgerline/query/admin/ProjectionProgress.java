package io.ledgerline.query.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/** Remembers, per projection, when the newest event it finished was written: the base of its lag in time. */
@Component
class ProjectionProgress implements RecordInterceptor<Object, Object> {

    private final Map<String, Instant> lastProjectedEventTime = new ConcurrentHashMap<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Instant written = Instant.ofEpochMilli(record.timestamp());
        lastProjectedEventTime.merge(consumer.groupMetadata().groupId(), written,
                (known, latest) -> latest.isAfter(known) ? latest : known);
    }

    Optional<Instant> lastProjectedEventTime(String projection) {
        return Optional.ofNullable(lastProjectedEventTime.get(projection));
    }
}
