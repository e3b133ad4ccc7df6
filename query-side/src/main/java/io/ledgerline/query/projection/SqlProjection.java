package io.ledgerline.query.projection;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.parking.RecordBatches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the events of ledger.events to the SQL read models, a whole poll in one transaction, and
 * announces the changes in that transaction: waiting readers and live subscribers hear of them only
 * once they are committed, on every query node.
 */
@Component
class SqlProjection implements SqlReadModel {

    private final LedgerEventReader reader;
    private final RecordSpans spans;
    private final List<SqlProjector> projectors;
    private final ProjectionAnnouncer announcer;
    private final TransactionTemplate transactions;
    // the order is irrelevant: a rebuild creates and swaps them all in one transaction
    private final List<String> tables;
    private final LiveBatchGate gate;
    private final JdbcClient jdbc;

    SqlProjection(LedgerEventReader reader, List<SqlProjector> projectors, ProjectionAnnouncer announcer,
            TransactionTemplate transactions, List<SqlTables> tables, RecordSpans spans, LiveBatchGate gate,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.spans = spans;
        this.gate = gate;
        this.reader = reader;
        this.projectors = projectors;
        this.announcer = announcer;
        this.transactions = transactions;
        this.tables = tables.stream().flatMap(feature -> feature.names().stream()).toList();
    }

    @KafkaListener(id = ProjectionGroups.SQL, topics = LedgerHeaders.TOPIC, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatches.apply(records, batch -> {
            RecordSpans.Batch traced = spans.batch();
            AtomicReference<RecordSpans.Write> commit = new AtomicReference<>();
            try {
                transactions.executeWithoutResult(status -> {
                    gate.holdForTransaction(ProjectionGroups.SQL);
                    announcer.announce(project(batch, traced));
                    // what follows the callback is the write of the batch: the pending statements' flush and the commit
                    commit.set(traced.startWrite(ProjectionGroups.SQL + " sql commit"));
                });
            } catch (RuntimeException e) {
                if (commit.get() != null) {
                    commit.get().failed(e);
                }
                throw e;
            } finally {
                if (commit.get() != null) {
                    commit.get().end();
                }
            }
        });
    }

    @Override
    public String name() {
        return ProjectionGroups.SQL;
    }

    @Override
    public List<String> tables() {
        return tables;
    }

    /** Projects the records in the current transaction. */
    @Override
    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        project(records, spans.batch());
    }

    private List<Projected> project(List<ConsumerRecord<String, byte[]>> records, RecordSpans.Batch traced) {
        List<ReceivedEvent> events = records.stream().map(reader::read).toList();
        lockOwners(events);
        List<Projected> applied = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ReceivedEvent event = events.get(i);
            try {
                traced.handle(ProjectionGroups.SQL, records.get(i), () -> {
                    for (SqlProjector projector : projectors) {
                        projector.project(event);
                    }
                    applied.add(Projected.of(event, traced.currentTraceparent()));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return applied;
    }

    /**
     * Takes the locks of every owner the events touch before the first of them is projected, in one
     * order, so that two nodes' batches never hold one owner each while waiting for the other's
     * (see {@link OwnersToLock}). A rebuild's transactions take them as well, as they did before;
     * the rows they write are the rebuild's own, so that costs them at most a live batch's wait.
     */
    private void lockOwners(List<ReceivedEvent> events) {
        OwnersToLock owners = new OwnersToLock();
        for (ReceivedEvent event : events) {
            for (SqlProjector projector : projectors) {
                projector.owners(event, owners);
            }
        }
        OwnerLocks.lock(jdbc, owners.locks(this::ownersOfAccounts));
    }

    // through the search path, so that a rebuild reads its own account_view, as its projectors do
    private List<String> ownersOfAccounts(Set<String> accountIds) {
        return jdbc.sql("SELECT DISTINCT customer_id FROM account_view WHERE account_id = ANY(?::text[])")
                .param(accountIds.toArray(String[]::new))
                .query(String.class).list();
    }
}
