package io.ledgerline.bench;

import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.load.Pacing;
import io.ledgerline.bench.store.EventStoreSize;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Lets the pipeline drain (publisher, Kafka, every projection) so that the next phase measures its own load and not
 * the backlog of the previous one, which would take its CPU on the same cores.
 */
final class ProjectionsCatchUp {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final LedgerClient ledger;
    private final EventStoreSize storeSize;
    private final Consumer<String> progress;

    ProjectionsCatchUp(LedgerClient ledger, EventStoreSize storeSize, Consumer<String> progress) {
        this.ledger = ledger;
        this.storeSize = storeSize;
        this.progress = progress;
    }

    /** Waits until every projection has the events stored now, or for at most the given time; says which. */
    void await(String before, Duration atMost) {
        long stored = storeSize.events();
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long nextReport = started;
        while (true) {
            long behind;
            try {
                behind = ledger.eventsNotYetProjected(stored);
            } catch (RuntimeException e) {
                behind = -1;
            }
            if (behind == 0) {
                progress.accept(String.format("Projections caught up with %,d events (waited %.0f s) before %s", stored,
                        (System.nanoTime() - started) / 1e9, before));
                return;
            }
            if (System.nanoTime() > deadline) {
                progress.accept("Projections still " + behind + " events behind after " + atMost + "; going on with " + before);
                return;
            }
            if (System.nanoTime() >= nextReport) {
                progress.accept("  waiting for the projections before " + before + ": the slowest is "
                        + (behind < 0 ? "(status unavailable)" : behind + " events") + " behind");
                nextReport += REPORT_EVERY.toNanos();
            }
            Pacing.pause(Duration.ofSeconds(1));
        }
    }
}
