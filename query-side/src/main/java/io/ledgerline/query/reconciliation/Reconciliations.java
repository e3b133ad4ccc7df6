package io.ledgerline.query.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Runs reconciliations one at a time on this node and keeps the last one's result, which the
 * {@code reconciliation} health component and the metrics show: DOWN, with the accounts named, when
 * the last run found a mismatch.
 */
public class Reconciliations extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    /** Accounts named in health: enough to start from, bounded however many disagree. */
    static final int ACCOUNTS_NAMED_IN_HEALTH = 20;

    private final Reconciler reconciler;
    // a second request waits for the run in progress rather than running beside it on the same stores
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private volatile ReconciliationReport last;
    private volatile String lastFailure;

    Reconciliations(Reconciler reconciler, MeterRegistry meters) {
        super("Reconciliation failed");
        this.reconciler = reconciler;
        gauge(meters, "ledgerline.reconciliation.mismatched.accounts",
                "Accounts whose read models disagree with the event store in the last reconciliation",
                ReconciliationReport::mismatchedAccounts);
        gauge(meters, "ledgerline.reconciliation.as.of.global.index",
                "The event store position the last reconciliation compared", ReconciliationReport::asOfGlobalIndex);
        gauge(meters, "ledgerline.reconciliation.last.run.duration.seconds", "How long the last reconciliation took",
                report -> Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0);
        gauge(meters, "ledgerline.reconciliation.last.run.finished.seconds",
                "When the last reconciliation finished, in seconds since the epoch",
                report -> report.finishedAt().toEpochMilli() / 1000.0);
    }

    private void gauge(MeterRegistry meters, String name, String description,
            ToDoubleFunction<ReconciliationReport> value) {
        Gauge.builder(name, this, runs -> runs.last == null ? Double.NaN : value.applyAsDouble(runs.last))
                .description(description).register(meters);
    }

    /** Runs one now, after the one in progress, and keeps its result as the last. */
    public ReconciliationReport reconcile() {
        oneAtATime.lock();
        try {
            ReconciliationReport report = reconciler.run();
            last = report;
            lastFailure = null;
            if (!report.agrees()) {
                log.warn("Reconciliation as of global index {}: {} accounts disagree with the event store, first {}",
                        report.asOfGlobalIndex(), report.mismatchedAccounts(),
                        report.mismatches().stream().limit(ACCOUNTS_NAMED_IN_HEALTH).map(m -> m.accountId()).toList());
            }
            return report;
        } catch (SQLException e) {
            lastFailure = e.toString();
            throw new DataAccessResourceFailureException("Reconciliation could not read a store", e);
        } catch (IOException e) {
            lastFailure = e.toString();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reconciliation interrupted", e);
        } finally {
            oneAtATime.unlock();
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ReconciliationReport report = last;
        if (report == null) {
            builder.unknown().withDetail("status", lastFailure == null ? "not run yet" : lastFailure);
            return;
        }
        if (report.agrees()) {
            builder.up();
        } else {
            builder.down().withDetail("accounts", report.mismatches().stream().limit(ACCOUNTS_NAMED_IN_HEALTH)
                    .map(mismatch -> mismatch.accountId()).toList());
        }
        builder.withDetails(Map.of("asOfGlobalIndex", report.asOfGlobalIndex(),
                "mismatchedAccounts", report.mismatchedAccounts(), "finishedAt", report.finishedAt().toString()));
        if (lastFailure != null) {
            builder.withDetail("lastFailure", lastFailure);
        }
    }
}
