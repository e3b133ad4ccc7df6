package io.ledgerline.query.rebuild;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.query.parking.FailureKinds;
import io.ledgerline.query.parking.ParkedEvents;
import io.ledgerline.query.projection.LiveBatchGate;
import io.ledgerline.query.projection.ReplayableProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one rebuild on its own thread: reads ledger.events from the beginning with its own consumer,
 * applies every record to the new version of the read model and records its position in the same
 * transaction; once it has nearly caught up, it briefly pauses this node's live projection and keeps
 * every node's live batches out ({@link LiveBatchGate}), catches up completely, swaps the new version
 * in and lets the live projections go on, which find the new version at least as far as the old one.
 */
final class RebuildWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(10);
    private static final Duration OFFSETS_REFRESH = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration LIVE_PAUSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long MIN_TAKE_OVER_LAG = 20;

    private final Rebuild rebuild;
    private final ReplayableProjection projection;
    private final RebuildTarget target;
    private final RebuildCollaborators with;
    private final RebuildLease lease;
    private volatile boolean stopping;
    // wakes a worker out of its waits (a back-off, the replaced version's grace) when it is stopped
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Map<Integer, Long> starts = Map.of();
    private Map<Integer, Long> positions = new HashMap<>();
    private Map<Integer, Long> ends = Map.of();
    private Instant endsReadAt = Instant.EPOCH;
    private Instant progressLoggedAt = Instant.EPOCH;

    RebuildWorker(Rebuild rebuild, ReplayableProjection projection, RebuildTarget target, RebuildCollaborators with,
            RebuildLease lease) {
        this.rebuild = rebuild;
        this.projection = projection;
        this.target = target;
        this.with = with;
        this.lease = lease;
    }

    String id() {
        return rebuild.id();
    }

    /** Stops at the next record without changing the rebuild's state, for another node or start to resume. */
    void stop() {
        stopping = true;
        stopped.countDown();
    }

    @Override
    public void run() {
        try (lease) {
            runLeased();
        } catch (RuntimeException e) {
            log.error("Rebuild {} of {} stopped unexpectedly", id(), projection.name(), e);
        } finally {
            target.leave();
        }
    }

    private void runLeased() {
        RebuildState state = with.rebuilds().find(id()).map(Rebuild::state).orElse(RebuildState.FAILED);
        try {
            if (!state.isActive()) {
                settle(state);
                return;
            }
            if (state == RebuildState.SWAPPING && target.isSwappedIn()) {
                with.rebuilds().complete(id());
                log.info("Rebuild {} of {} had swapped in before it was interrupted; completed", id(), projection.name());
                return;
            }
            build();
        } catch (Cancelled e) {
            log.info("Rebuild {} of {} cancelled; dropping its new version", id(), projection.name());
            settle(RebuildState.CANCELLED);
        } catch (RebuildFailed | IOException | RuntimeException e) {
            if (stopping) {
                return;
            }
            log.error("Rebuild {} of {} failed; the serving version stays", id(), projection.name(), e);
            with.rebuilds().fail(id(), describe(e));
            settle(RebuildState.FAILED);
        }
    }

    private void build() throws IOException, RebuildFailed {
        try (Consumer<String, byte[]> consumer = with.consumers().open(id())) {
            List<TopicPartition> partitions = partitions(consumer);
            prepare(consumer, partitions);
            consumer.assign(partitions);
            seekToPositions(consumer);
            refreshEnds(consumer, true);
            boolean swapping = with.rebuilds().find(id()).map(r -> r.state() == RebuildState.SWAPPING).orElse(false);
            while (!stopping) {
                applyPolled(consumer, consumer.poll(POLL));
                if (refreshEnds(consumer, false)) {
                    ensureStillActive();
                }
                logProgress(false);
                if (!swapping && closeEnoughToTakeOver()) {
                    swapping = with.rebuilds().markSwapping(id());
                    if (!swapping) {
                        throw new Cancelled();
                    }
                }
                if (swapping && takeOver(consumer)) {
                    return;
                }
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer) throws RebuildFailed {
        List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new RebuildFailed("The topic " + LedgerHeaders.TOPIC + " does not exist");
        }
        return partitions;
    }

    private void prepare(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) throws IOException {
        target.prepare();
        Map<Integer, Long> recorded = with.rebuilds().positions(id());
        if (recorded.size() < partitions.size()) {
            Map<Integer, Long> beginnings = new HashMap<>();
            consumer.beginningOffsets(partitions).forEach((partition, offset) -> beginnings.put(partition.partition(), offset));
            with.rebuilds().begin(id(), beginnings);
            recorded = with.rebuilds().positions(id());
        }
        positions = new HashMap<>(recorded);
        starts = with.rebuilds().startOffsets(id());
        log.info("Rebuild {} of {} into {} starts at {}", id(), projection.name(), target.describe(), positions);
    }

    private void seekToPositions(Consumer<String, byte[]> consumer) {
        positions.forEach((partition, offset) -> consumer.seek(new TopicPartition(LedgerHeaders.TOPIC, partition), offset));
    }

    /**
     * Applies the polled records, all in one transaction with the new position. An outage is waited
     * out and the records read again; a record the projection cannot apply is skipped only when the
     * live projection parked it too, since the new version must equal what the live one would be.
     */
    private void applyPolled(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> polled)
            throws RebuildFailed {
        if (polled.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        polled.forEach(records::add);
        Duration backOff = Duration.ofSeconds(1);
        while (!stopping) {
            try {
                applyInOneTransaction(records);
                return;
            } catch (Cancelled | LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                if (FailureKinds.isTransient(e)) {
                    log.warn("Rebuild {} of {} waits out an outage: {}", id(), projection.name(), e.toString());
                    noteError(e);
                    pause(backOff);
                    backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
                    continue;
                }
                applyOneByOne(records);
                return;
            }
        }
        // stopping: read these records again when resumed
        seekToPositions(consumer);
    }

    private void applyOneByOne(List<ConsumerRecord<String, byte[]>> records) throws RebuildFailed {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                applyInOneTransaction(List.of(record));
            } catch (Cancelled | LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                if (FailureKinds.isTransient(e)
                        || !with.parkedEvents().isParked(projection.name(), record.topic(), record.partition(), record.offset())) {
                    throw new RebuildFailed("The event at partition " + record.partition() + ", offset " + record.offset()
                            + " cannot be applied: " + describe(e), e);
                }
                log.warn("Rebuild {} of {} skips the event at partition {}, offset {}: the live projection parked it too",
                        id(), projection.name(), record.partition(), record.offset());
                skipInOneTransaction(record);
            }
        }
    }

    private void applyInOneTransaction(List<ConsumerRecord<String, byte[]>> records) {
        ensureLeaseHeld();
        Map<Integer, Long> next = new HashMap<>(positions);
        transactions().executeWithoutResult(status -> {
            target.enter();
            apply(records);
            for (ConsumerRecord<String, byte[]> record : records) {
                next.put(record.partition(), record.offset() + 1);
            }
            if (!with.rebuilds().advance(id(), next, done(next), total())) {
                throw new Cancelled();
            }
        });
        positions = next;
    }

    private void skipInOneTransaction(ConsumerRecord<String, byte[]> record) {
        Map<Integer, Long> next = new HashMap<>(positions);
        next.put(record.partition(), record.offset() + 1);
        transactions().executeWithoutResult(status -> {
            if (!with.rebuilds().advance(id(), next, done(next), total())) {
                throw new Cancelled();
            }
        });
        positions = next;
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        try {
            projection.apply(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pauses this node's live projection and closes the gate to every node's live batches, applies
     * everything up to the end of the topic, swaps and opens both again. Returns false when the swap
     * has to be tried again (a reader held the old tables for too long, or the live projections did
     * not pause in time).
     */
    private boolean takeOver(Consumer<String, byte[]> consumer) throws IOException, RebuildFailed {
        boolean paused = with.liveProjections().pause(projection.name(), LIVE_PAUSE_TIMEOUT);
        try {
            if (!paused) {
                log.warn("Rebuild {}: the live projection {} did not pause in time; trying again", id(), projection.name());
                return false;
            }
            Optional<LiveBatchGate.Closed> gate = with.liveBatchGate().close(projection.name(), LIVE_PAUSE_TIMEOUT);
            if (gate.isEmpty()) {
                log.warn("Rebuild {}: live batches of {} on other nodes did not end in time; trying again", id(),
                        projection.name());
                return false;
            }
            try (LiveBatchGate.Closed closed = gate.get()) {
                if (!applyUpToTheEndAndSwap(consumer)) {
                    return false;
                }
            }
        } finally {
            with.liveProjections().resume(projection.name());
        }
        dropReplaced();
        with.rebuilds().find(id()).ifPresent(done -> log.info("Rebuild {} of {} completed: {} events, {} events/s; {} now serves",
                id(), projection.name(), done.eventsDone(), Math.round(done.eventsPerSecond()), target.describe()));
        return true;
    }

    // no live batch runs anywhere now, and everything they applied lies below the end read here
    private boolean applyUpToTheEndAndSwap(Consumer<String, byte[]> consumer) throws IOException, RebuildFailed {
        refreshEnds(consumer, true);
        Map<Integer, Long> swapPoint = Map.copyOf(ends);
        while (!stopping && !reached(swapPoint)) {
            applyPolled(consumer, consumer.poll(POLL));
        }
        return !stopping && swap();
    }

    private boolean swap() throws IOException {
        try {
            return target.swap(() -> with.rebuilds().complete(id()));
        } catch (RuntimeException e) {
            if (!FailureKinds.isTransient(e)) {
                throw e;
            }
            log.warn("Rebuild {} of {} could not swap yet: {}", id(), projection.name(), e.toString());
            noteError(e);
            return false;
        }
    }

    private void dropReplaced() {
        pause(target.replacedVersionGrace());
        if (stopping) {
            log.info("Rebuild {}: stopped before the replaced version of {} was dropped; the next rebuild drops it", id(),
                    projection.name());
            return;
        }
        try {
            target.dropReplaced();
        } catch (IOException | RuntimeException e) {
            log.warn("Rebuild {}: the replaced version could not be dropped; the next rebuild drops it: {}", id(), e.toString());
        }
    }

    private void settle(RebuildState state) {
        if (state == RebuildState.CANCELLED || state == RebuildState.FAILED) {
            try {
                target.leave();
                target.discard();
            } catch (IOException | RuntimeException e) {
                log.warn("Rebuild {}: its new version {} could not be dropped yet: {}", id(), target.describe(), e.toString());
                return;
            }
        }
        with.rebuilds().settle(id());
    }

    /** Without the lease another node may already run this rebuild: this worker leaves it to that one. */
    private void ensureLeaseHeld() {
        if (!lease.isHeld()) {
            log.warn("Rebuild {} of {} lost its lease (the database session ended); leaving it to whichever node "
                    + "takes the lease next", id(), projection.name());
            stopping = true;
            LeaseLost lost = new LeaseLost();
            noteError(lost);
            throw lost;
        }
    }

    // an idle topic brings no records, and so no advance that would notice a cancel
    private void ensureStillActive() {
        boolean active = with.rebuilds().find(id()).map(r -> r.state().isActive()).orElse(false);
        if (!active) {
            throw new Cancelled();
        }
    }

    private boolean refreshEnds(Consumer<String, byte[]> consumer, boolean now) {
        Instant at = with.clock().instant();
        if (!now && Duration.between(endsReadAt, at).compareTo(OFFSETS_REFRESH) < 0) {
            return false;
        }
        Map<Integer, Long> read = new HashMap<>();
        consumer.endOffsets(consumer.assignment()).forEach((partition, offset) -> read.put(partition.partition(), offset));
        ends = read;
        endsReadAt = at;
        return true;
    }

    /**
     * The live projection is paused while the rebuild applies what is left, so that should take
     * about a second at the rate so far, and never more than one batch.
     */
    private boolean closeEnoughToTakeOver() {
        double rate = with.rebuilds().find(id()).map(Rebuild::eventsPerSecond).orElse(0.0);
        long affordable = Math.min(with.consumers().batchSize(), Math.max(MIN_TAKE_OVER_LAG, (long) rate));
        return lag() <= affordable;
    }

    private boolean reached(Map<Integer, Long> point) {
        return point.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private long lag() {
        return ends.entrySet().stream().mapToLong(end -> Math.max(end.getValue() - positions.getOrDefault(end.getKey(), 0L), 0))
                .sum();
    }

    private long done(Map<Integer, Long> at) {
        return at.entrySet().stream().mapToLong(p -> Math.max(p.getValue() - starts.getOrDefault(p.getKey(), 0L), 0)).sum();
    }

    private long total() {
        return ends.entrySet().stream().mapToLong(e -> Math.max(e.getValue() - starts.getOrDefault(e.getKey(), 0L), 0)).sum();
    }

    private void logProgress(boolean force) {
        Instant now = with.clock().instant();
        if (!force && Duration.between(progressLoggedAt, now).compareTo(PROGRESS_LOG_INTERVAL) < 0) {
            return;
        }
        progressLoggedAt = now;
        with.rebuilds().find(id()).ifPresent(current -> log.info(
                "Rebuild {} of {}: {} of {} events, {} events/s, ETA {} s, {}", id(), projection.name(),
                current.eventsDone(), current.eventsTotal(), Math.round(current.eventsPerSecond()),
                current.etaSeconds().map(String::valueOf).orElse("-"), current.state()));
    }

    private void noteError(Exception e) {
        try {
            with.rebuilds().noteError(id(), describe(e));
        } catch (RuntimeException unavailable) {
            log.debug("Rebuild {}: the error could not be recorded", id(), unavailable);
        }
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private TransactionTemplate transactions() {
        return with.transactions();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** The rebuild was cancelled while this worker applied records. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** Ends the worker, not the rebuild: whoever holds the lease next carries on. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("The worker lost its lease (its database session ended) and left the rebuild to the next holder",
                    null, false, false);
        }
    }
}
