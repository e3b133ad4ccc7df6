package io.ledgerline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Builds the records of one poll of ledger.events, for handing a projection's listener a batch
 * exactly as the container would: duplicates and poison records included.
 */
public final class PolledRecords {

    // far from the offsets the topic itself reaches in a test run
    private static final AtomicLong OFFSET = new AtomicLong(1_000_000_000L);

    private final ObjectMapper json;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Instant at = Instant.parse("2026-03-02T09:00:00Z");

    public PolledRecords(ObjectMapper json) {
        this.json = json;
    }

    public PolledRecords event(LedgerEvent event, String aggregateType, long sequence) throws Exception {
        records.add(record(event.aggregateId(), EventTypes.nameOf(event.getClass()),
                EventTypes.revisionOf(event.getClass()), aggregateType, sequence, json.writeValueAsBytes(event)));
        return this;
    }

    /** A record of the given revision with the payload as written then, for events stored before today's revision. */
    public PolledRecords written(String aggregateId, String type, String revision, String aggregateType, long sequence,
            String payload) {
        records.add(record(aggregateId, type, revision, aggregateType, sequence,
                payload.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** A record whose payload cannot be read as the event its headers announce. */
    public PolledRecords unreadable(Class<? extends LedgerEvent> type, String aggregateId, String aggregateType,
            long sequence) {
        records.add(record(aggregateId, EventTypes.nameOf(type), EventTypes.revisionOf(type), aggregateType, sequence,
                "{\"accountId\": 42, \"amount\": [".getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The same record once more, as Kafka delivers it again after a crash. */
    public PolledRecords again(int index) {
        records.add(records.get(index));
        return this;
    }

    public List<ConsumerRecord<String, byte[]>> poll() {
        return List.copyOf(records);
    }

    public ConsumerRecord<String, byte[]> get(int index) {
        return records.get(index);
    }

    private ConsumerRecord<String, byte[]> record(String aggregateId, String type, String revision, String aggregateType,
            long sequence, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, LedgerHeaders.EVENT_ID, UUID.randomUUID().toString());
        add(headers, LedgerHeaders.EVENT_TYPE, type);
        add(headers, LedgerHeaders.EVENT_REVISION, revision);
        add(headers, LedgerHeaders.AGGREGATE_TYPE, aggregateType);
        add(headers, LedgerHeaders.AGGREGATE_ID, aggregateId);
        add(headers, LedgerHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        add(headers, LedgerHeaders.GLOBAL_POSITION, Long.toString(OFFSET.get()));
        add(headers, LedgerHeaders.TIMESTAMP, at.plusSeconds(sequence).toString());
        return new ConsumerRecord<>(LedgerHeaders.TOPIC, 0, OFFSET.incrementAndGet(), at.toEpochMilli(),
                TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, aggregateId, value,
                headers, Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
