package io.ledgerline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicReconciliationTest {

    private static ReconciliationProperties every(Duration interval) {
        return new ReconciliationProperties(true, interval, Duration.ZERO, Duration.ofSeconds(30), 10_000, 100,
                new ReconciliationProperties.EventStore("jdbc:postgresql://localhost:5432/ledgerline_command", null, null));
    }

    /** Counts runs; the first one fails, as with a store out of reach. */
    private static final class CountedRuns extends Reconciliations {

        private final AtomicInteger runs = new AtomicInteger();

        CountedRuns() {
            super(null, new SimpleMeterRegistry());
        }

        @Override
        public ReconciliationReport reconcile() {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the event store is out of reach");
            }
            return null;
        }
    }

    @Test
    void runsAgainAfterEachIntervalAlsoAfterAFailedRun() {
        CountedRuns reconciliations = new CountedRuns();

        try (PeriodicReconciliation periodic = new PeriodicReconciliation(reconciliations, every(Duration.ofMillis(20)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> reconciliations.runs.get() >= 3);
        }
    }

    @Test
    void stopsWhenClosed() {
        CountedRuns reconciliations = new CountedRuns();
        PeriodicReconciliation periodic = new PeriodicReconciliation(reconciliations, every(Duration.ofMillis(20)));
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciliations.runs.get() >= 2);

        periodic.close();
        int afterClose = reconciliations.runs.get();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> reconciliations.runs.get() <= afterClose + 1);
        assertThat(reconciliations.runs.get()).isLessThanOrEqualTo(afterClose + 1);
    }
}
