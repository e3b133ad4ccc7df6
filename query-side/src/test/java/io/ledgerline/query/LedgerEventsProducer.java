package io.ledgerline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes events to ledger.events exactly as the command side publishes them. */
public final class LedgerEventsProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;

    public LedgerEventsProducer(String bootstrapServers, ObjectMapper json) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.json = json;
    }

    public void publish(LedgerEvent event, String aggregateType, long sequence, long globalPosition, Instant at)
            throws Exception {
        publish(event, aggregateType, sequence, globalPosition, at, UUID.randomUUID().toString());
    }

    public void publish(LedgerEvent event, String aggregateType, long sequence, long globalPosition, Instant at,
            String eventId) throws Exception {
        publish(new StoredEvent(EventTypes.nameOf(event.getClass()), EventTypes.revisionOf(event.getClass()),
                event.aggregateId(), json.writeValueAsBytes(event)), aggregateType, sequence, globalPosition, at, eventId);
    }

    /** Publishes an event in the form it was stored in, for revisions the current classes no longer write. */
    public void publish(StoredEvent event, String aggregateType, long sequence, long globalPosition, Instant at,
            String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LedgerHeaders.TOPIC, null, at.toEpochMilli(),
                event.aggregateId(), event.payload());
        add(record, LedgerHeaders.EVENT_ID, eventId);
        add(record, LedgerHeaders.EVENT_TYPE, event.type());
        add(record, LedgerHeaders.EVENT_REVISION, event.revision());
        add(record, LedgerHeaders.AGGREGATE_TYPE, aggregateType);
        add(record, LedgerHeaders.AGGREGATE_ID, event.aggregateId());
        add(record, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        add(record, LedgerHeaders.GLOBAL_POSITION, Long.toString(globalPosition));
        add(record, LedgerHeaders.TIMESTAMP, at.toString());
        add(record, LedgerHeaders.METADATA_PREFIX + "correlationId", UUID.randomUUID().toString());
        event.metadata().forEach((key, value) -> add(record, LedgerHeaders.METADATA_PREFIX + key, value));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event's type, revision, aggregate and JSON payload, as the event store kept it, with metadata
     * of its own beyond the correlation id (older revisions kept text there).
     */
    public record StoredEvent(String type, String revision, String aggregateId, byte[] payload,
            Map<String, String> metadata) {

        public StoredEvent(String type, String revision, String aggregateId, byte[] payload) {
            this(type, revision, aggregateId, payload, Map.of());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
