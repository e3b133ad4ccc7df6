package io.ledgerline.query.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives projectors a batch of changes bound to the current transaction, and writes every batch just
 * before the transaction commits. A poll (or a rebuild's transaction) thus costs a few JDBC batches
 * instead of several statements per event; a write that fails fails the commit, and with it the
 * whole transaction.
 */
@Component
public class TransactionBatches {

    private final NamedParameterJdbcTemplate jdbc;

    TransactionBatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current transaction's batch of the given kind, created on first use. */
    public <T extends SqlBatch> T current(Class<T> kind, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("SQL projections write inside a transaction only");
        }
        @SuppressWarnings("unchecked")
        Map<Class<?>, SqlBatch> batches = (Map<Class<?>, SqlBatch>) TransactionSynchronizationManager.getResource(this);
        if (batches == null) {
            Map<Class<?>, SqlBatch> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new WriteBeforeCommit(created));
            batches = created;
        }
        return kind.cast(batches.computeIfAbsent(kind, k -> create.get()));
    }

    private final class WriteBeforeCommit implements TransactionSynchronization {

        private final Map<Class<?>, SqlBatch> batches;

        private WriteBeforeCommit(Map<Class<?>, SqlBatch> batches) {
            this.batches = batches;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (SqlBatch batch : batches.values()) {
                batch.write(jdbc);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatches.this);
        }
    }
}
