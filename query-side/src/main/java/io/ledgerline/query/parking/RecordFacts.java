package io.ledgerline.query.parking;

import io.ledgerline.events.LedgerHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What a record's headers say about its event, read leniently: a poison record may lack any of them. */
record RecordFacts(String aggregateId, String eventType, String eventId) {

    static RecordFacts of(ConsumerRecord<String, ?> record) {
        String aggregateId = header(record, LedgerHeaders.AGGREGATE_ID);
        return new RecordFacts(aggregateId != null ? aggregateId : record.key(),
                header(record, LedgerHeaders.EVENT_TYPE), header(record, LedgerHeaders.EVENT_ID));
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
