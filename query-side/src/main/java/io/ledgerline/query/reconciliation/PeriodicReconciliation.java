package io.ledgerline.query.reconciliation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles every {@code ledgerline.reconciliation.interval} on a thread of its own: a run over a
 * large ledger takes minutes, and the application's one scheduler thread also refreshes the
 * projections' status. A failed run is logged and shown in health; the next comes as planned.
 */
class PeriodicReconciliation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReconciliation.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread reconciliation = new Thread(runnable, "reconciliation");
        reconciliation.setDaemon(true);
        return reconciliation;
    });

    PeriodicReconciliation(Reconciliations reconciliations, ReconciliationProperties properties) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                reconciliations.reconcile();
            } catch (RuntimeException e) {
                log.warn("Reconciliation failed: {}", e.toString());
            }
        }, properties.initialDelay().toMillis(), properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
