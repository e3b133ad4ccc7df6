package io.ledgerline.query.search.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.DocumentPerEventProjection;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit index. Each event is created once under its event id; a redelivered event finds
 * it there and changes nothing.
 */
@Component
class AuditSearchProjection extends DocumentPerEventProjection {

    private final LedgerEventReader reader;
    private final CustomerDataRedaction redaction;
    private final ObjectMapper json;

    AuditSearchProjection(LedgerEventReader reader, AuditSearchIndex index, SearchWrites writes,
            CustomerDataRedaction redaction, ObjectMapper json) {
        super(SearchConsumerGroups.AUDIT, index, writes);
        this.reader = reader;
        this.redaction = redaction;
        this.json = json;
    }

    @KafkaListener(id = SearchConsumerGroups.AUDIT, topics = LedgerHeaders.TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        applyPoll(records);
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) throws IOException {
        ReceivedEvent event = reader.read(record);
        AuditDocument document = documentOf(event, aggregateTypeOf(record));
        create(document.eventId(), document);
        if (event.payload() instanceof CustomerErased erased) {
            // the redaction searches for the customer's earlier events, which a rebuild may still hold back
            flushWrites();
            redaction.redact(erased.customerId().value());
        }
    }

    private AuditDocument documentOf(ReceivedEvent event, String aggregateType) {
        JsonNode payload = json.valueToTree(event.payload());
        return new AuditDocument(event.eventId(), event.type(), aggregateType, event.aggregateId(), event.sequence(),
                event.globalPosition(), event.timestamp(), event.metadata().get("user"),
                event.metadata().get("correlationId"), event.metadata().get("causationId"), event.metadata(),
                payload, payload.toString());
    }

    // ReceivedEvent does not carry the aggregate type, the record's headers do
    private static String aggregateTypeOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(LedgerHeaders.AGGREGATE_TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
