package io.ledgerline.query.parking;

import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What a record's headers say about its event, read leniently: a poison record may lack any of them. */
record RecordFacts(String aggregateId, String eventType, String eventId) {

    private static final String ERASURE = EventTypes.nameOf(CustomerErased.class);

    static RecordFacts of(ConsumerRecord<String, ?> record) {
        String aggregateId = header(record, LedgerHeaders.AGGREGATE_ID);
        return new RecordFacts(aggregateId != null ? aggregateId : record.key(),
                header(record, LedgerHeaders.EVENT_TYPE), header(record, LedgerHeaders.EVENT_ID));
    }

    /** Whether the record says it is a customer's erasure, which no parked event may hold back. */
    boolean isErasure() {
        return ERASURE.equals(eventType);
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
