package io.ledgerline.query.consistency;

import io.ledgerline.query.projection.Projected;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Waits, without holding a request thread, until a read model holds an aggregate at a version.
 * A commit notification makes the waiter look at once; a periodic look at the database covers a
 * missed notification; the bound ends it with the answer that the version is not there yet.
 */
@Component
public class VersionWaits implements DisposableBean {

    private static final Duration RECHECK = Duration.ofMillis(250);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "version-waits");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    VersionWaits(ProjectionNotifications notifications) {
        notifications.subscribe(this::projected);
    }

    /**
     * @param currentVersion reads the version the read model holds now (empty when it holds nothing)
     * @return completes with true once the version is there, with false when the bound passed first
     */
    public CompletableFuture<Boolean> await(String aggregateId, long minVersion, Duration bound,
            Supplier<OptionalLong> currentVersion) {
        Waiter waiter = new Waiter(aggregateId, minVersion, currentVersion);
        // registered before the first look, so a change committed in between is not missed
        waiters.computeIfAbsent(aggregateId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.check();
        if (!waiter.result.isDone()) {
            waiter.recheck = timer.scheduleWithFixedDelay(waiter::check, RECHECK.toMillis(), RECHECK.toMillis(),
                    TimeUnit.MILLISECONDS);
            timer.schedule(() -> waiter.finish(false), bound.toMillis(), TimeUnit.MILLISECONDS);
            if (waiter.result.isDone()) {
                waiter.recheck.cancel(false);
            }
        }
        return waiter.result;
    }

    private void projected(Projected projected) {
        Set<Waiter> waiting = waiters.get(projected.aggregateId());
        if (waiting != null) {
            waiting.forEach(waiter -> {
                if (projected.version() >= waiter.minVersion) {
                    // the waiter's own look decides, never the notification: it may not see this
                    // aggregate (another customer's account waits its full bound, as an unknown one does)
                    recheckSoon(waiter);
                }
            });
        }
    }

    private void recheckSoon(Waiter waiter) {
        try {
            timer.execute(waiter::check);
        } catch (RejectedExecutionException shuttingDown) {
            // the bound would have ended the wait; nothing is left to answer
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private final class Waiter {

        private final String aggregateId;
        private final long minVersion;
        private final Supplier<OptionalLong> currentVersion;
        private final CompletableFuture<Boolean> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> recheck;

        private Waiter(String aggregateId, long minVersion, Supplier<OptionalLong> currentVersion) {
            this.aggregateId = aggregateId;
            this.minVersion = minVersion;
            this.currentVersion = currentVersion;
        }

        private void check() {
            try {
                OptionalLong version = currentVersion.get();
                if (version.isPresent() && version.getAsLong() >= minVersion) {
                    finish(true);
                }
            } catch (RuntimeException unavailable) {
                // the database may be briefly unreachable; the bound still ends the wait
            }
        }

        private void finish(boolean reached) {
            if (result.complete(reached)) {
                ScheduledFuture<?> scheduled = recheck;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                waiters.computeIfPresent(aggregateId, (id, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }
}
