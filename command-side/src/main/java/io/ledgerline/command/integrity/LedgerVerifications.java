package io.ledgerline.command.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Ledger verifications as jobs: started on the node asked, run in the background there, recorded in
 * the database so that every node answers for them and they outlive the node. At most the configured
 * number run at once in the whole cluster.
 */
@Service
@EnableConfigurationProperties(VerificationJobProperties.class)
public class LedgerVerifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifications.class);

    private final LedgerVerifier verifier;
    private final VerificationJobStore store;
    private final JdbcTemplate jdbc;
    private final IntegrityProperties integrity;
    private final VerificationJobProperties properties;
    private final Clock clock;
    /** This process, in the rows it runs: a restarted node is another. */
    private final String node = UUID.randomUUID().toString();
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;

    LedgerVerifications(LedgerVerifier verifier, DataSource dataSource, IntegrityProperties integrity,
            VerificationJobProperties properties, ObjectProvider<Clock> clock) {
        this.verifier = verifier;
        this.store = new VerificationJobStore(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.integrity = integrity;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.workers = Executors.newFixedThreadPool(properties.maxRunning(), daemon("ledger-verification"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("ledger-verification-heartbeat"));
        long beat = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the range as {@link LedgerVerifier} would, records the verification and starts it.
     *
     * @param fromGlobalIndex null for the first
     * @param toGlobalIndex   null for the last stored now
     * @throws VerificationRangeReversed     for a range that ends before it starts
     * @throws VerificationRangeTooLarge     for a range wider than one verification covers
     * @throws VerificationAlreadyRunning    when as many as allowed run already
     */
    public VerificationJob start(Long fromGlobalIndex, Long toGlobalIndex, String startedBy) {
        long from = fromGlobalIndex == null ? 0 : fromGlobalIndex;
        long to = toGlobalIndex == null ? lastGlobalIndex() : toGlobalIndex;
        if (from > to && toGlobalIndex != null) {
            throw new VerificationRangeReversed(from, to);
        }
        if (to >= from && to - from >= integrity.maxVerificationRange()) {
            throw new VerificationRangeTooLarge(from, to, integrity.maxVerificationRange());
        }
        Instant now = clock.instant();
        VerificationJob job = new VerificationJob(UUID.randomUUID().toString(), VerificationJobState.RUNNING, from, to,
                0, null, startedBy, now, null, null, null);
        if (!store.claim(job, node, properties.maxRunning(), beatenSince())) {
            throw new VerificationAlreadyRunning(properties.maxRunning(), properties.retryAfter());
        }
        runningHere.add(job.id());
        try {
            workers.execute(() -> run(job));
        } catch (RuntimeException e) {
            runningHere.remove(job.id());
            store.fail(job.id(), "The node could not start the verification: " + e, clock.instant());
            throw e;
        }
        return job;
    }

    public Optional<VerificationJob> find(String id) {
        return store.find(id, beatenSince());
    }

    /** Newest first. */
    public List<VerificationJob> page(long offset, int size) {
        return store.page(offset, size, beatenSince());
    }

    public long count() {
        return store.count();
    }

    private void run(VerificationJob job) {
        try {
            VerificationReport report = verifier.verify(job.fromGlobalIndex(), job.toGlobalIndex(),
                    (globalIndex, eventsChecked) -> store.progress(job.id(), globalIndex, eventsChecked, clock.instant()));
            store.complete(job.id(), report, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Ledger verification {} failed", job.id(), e);
            try {
                store.fail(job.id(), String.valueOf(e.getMessage()), clock.instant());
            } catch (RuntimeException unrecorded) {
                // the row stays RUNNING without beats and reads ABANDONED once the bound has passed
                log.warn("Ledger verification {} could not be marked failed: {}", job.id(), unrecorded.toString());
            }
        } finally {
            runningHere.remove(job.id());
        }
    }

    private void beat() {
        try {
            store.beat(List.copyOf(runningHere), clock.instant());
        } catch (RuntimeException e) {
            // a missed beat is caught up by the next; too many and the verification reads ABANDONED, as it should
            log.warn("Ledger verification heartbeat not recorded: {}", e.toString());
        }
    }

    private Instant beatenSince() {
        return clock.instant().minus(properties.abandonedAfter());
    }

    private long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    @Override
    public void destroy() {
        // stopped verifications stop beating: they read ABANDONED once the bound has passed
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
