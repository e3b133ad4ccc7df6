package io.ledgerline.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to ledger.events the way the command side does, with the event id and metadata
 * chosen by the test, so that a test can redeliver the very same event or follow a correlation id.
 */
public final class LedgerRecords implements AutoCloseable {

    private static final AtomicLong GLOBAL_POSITION = new AtomicLong(System.currentTimeMillis());

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;

    LedgerRecords(String bootstrapServers, ObjectMapper json) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.json = json;
    }

    /** Publishes the event with a new event id and correlation id; returns the event id. */
    public String publish(LedgerEvent event, String aggregateType, long sequence, Instant at) throws Exception {
        String eventId = UUID.randomUUID().toString();
        publish(event, aggregateType, sequence, at, eventId, Map.of("correlationId", UUID.randomUUID().toString()));
        return eventId;
    }

    public void publish(LedgerEvent event, String aggregateType, long sequence, Instant at, String eventId,
            Map<String, String> metadata) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, null, at.toEpochMilli(),
                event.aggregateId(), json.writeValueAsBytes(event));
        add(record, LedgerHeaders.EVENT_ID, eventId);
        add(record, LedgerHeaders.EVENT_TYPE, EventTypes.nameOf(event.getClass()));
        add(record, LedgerHeaders.EVENT_REVISION, EventTypes.revisionOf(event.getClass()));
        add(record, LedgerHeaders.AGGREGATE_TYPE, aggregateType);
        add(record, LedgerHeaders.AGGREGATE_ID, event.aggregateId());
        add(record, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        add(record, LedgerHeaders.GLOBAL_POSITION, Long.toString(GLOBAL_POSITION.incrementAndGet()));
        add(record, LedgerHeaders.TIMESTAMP, at.toString());
        metadata.forEach((key, value) -> add(record, LedgerHeaders.METADATA_PREFIX + key, value));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
