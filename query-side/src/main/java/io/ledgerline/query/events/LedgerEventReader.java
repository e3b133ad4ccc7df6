package io.ledgerline.query.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/** Turns a record of ledger.events into a {@link ReceivedEvent}. */
@Component
public class LedgerEventReader {

    private final ObjectMapper objectMapper;

    public LedgerEventReader(ObjectMapper objectMapper) {
        // an event written by a newer producer may carry fields this reader does not know yet
        this.objectMapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        String type = header(record, LedgerHeaders.EVENT_TYPE);
        Class<? extends LedgerEvent> eventClass = EventTypes.byName(type)
                .orElseThrow(() -> new UnreadableEvent("Unknown event type '" + type + "' at " + where(record)));
        try {
            LedgerEvent payload = payload(record, type, eventClass);
            return new ReceivedEvent(
                    header(record, LedgerHeaders.EVENT_ID),
                    type,
                    header(record, LedgerHeaders.AGGREGATE_TYPE),
                    header(record, LedgerHeaders.AGGREGATE_ID),
                    Long.parseLong(header(record, LedgerHeaders.AGGREGATE_SEQUENCE)),
                    Long.parseLong(header(record, LedgerHeaders.GLOBAL_POSITION)),
                    Instant.parse(header(record, LedgerHeaders.TIMESTAMP)),
                    metadata(record),
                    payload);
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableEvent("Cannot read " + type + " at " + where(record), unreadable);
        }
    }

    /**
     * Events stored before their personal data was sealed (customer events of revision 1, money
     * events and transfer requests of the revisions before theirs) are read as the sealed revision,
     * their text marked as written before sealing. A transfer request of revision 1 kept its
     * description in the metadata, which the record carries as headers.
     */
    private LedgerEvent payload(ConsumerRecord<String, byte[]> record, String type,
            Class<? extends LedgerEvent> eventClass) throws IOException {
        Header revision = record.headers().lastHeader(LedgerHeaders.EVENT_REVISION);
        String revisionNumber = revision == null ? null : new String(revision.value(), StandardCharsets.UTF_8);
        if (TextBeforeSealing.concerns(type, revisionNumber)) {
            JsonNode unsealed = TextBeforeSealing.markUnsealed(type, objectMapper.readTree(record.value()),
                    metadata(record)::get);
            return objectMapper.treeToValue(unsealed, eventClass);
        }
        return objectMapper.readValue(record.value(), eventClass);
    }

    private static Map<String, String> metadata(ConsumerRecord<String, byte[]> record) {
        Map<String, String> metadata = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(LedgerHeaders.METADATA_PREFIX)) {
                metadata.put(header.key().substring(LedgerHeaders.METADATA_PREFIX.length()),
                        new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Map.copyOf(metadata);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new UnreadableEvent("Header " + name + " is missing at " + where(record));
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
