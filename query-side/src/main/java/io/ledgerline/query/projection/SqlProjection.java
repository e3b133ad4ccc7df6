package io.ledgerline.query.projection;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds every event of ledger.events to the SQL read models in one transaction, and announces the
 * change in that transaction: waiting readers and live subscribers hear of it only once it is
 * committed, on every query node.
 */
@Component
class SqlProjection implements SqlReadModel {

    // the order is irrelevant: a rebuild creates and swaps them all in one transaction
    private static final List<String> TABLES = List.of("account_view", "customer_view", "statement_line",
            "transfer_view");

    private final LedgerEventReader reader;
    private final List<SqlProjector> projectors;
    private final ProjectionAnnouncer announcer;

    SqlProjection(LedgerEventReader reader, List<SqlProjector> projectors, ProjectionAnnouncer announcer) {
        this.reader = reader;
        this.projectors = projectors;
        this.announcer = announcer;
    }

    @KafkaListener(id = ProjectionGroups.SQL, topics = LedgerHeaders.TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) {
        announcer.announce(apply(record));
    }

    @Override
    public String name() {
        return ProjectionGroups.SQL;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    private ReceivedEvent apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = reader.read(record);
        for (SqlProjector projector : projectors) {
            projector.project(event);
        }
        return event;
    }
}
