package io.ledgerline.multinode;

import io.ledgerline.events.TransferId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds a transfer at chosen points of its saga, on whichever node reaches them, and counts the
 * deadlines the nodes ran, so a test can make a deadline and a step of one transfer meet. One gate per JVM: the nodes of a test are application contexts in the same JVM.
 */
final class StepGate {

    enum Point {
        /** the credit command, sent by the saga handling the debit */
        CREDIT,
        /** the saga processor, about to hand the debit event to the saga */
        DEBIT_SEEN,
        /** the command failing the transfer, sent by the deadline before the debit was seen */
        TIMEOUT_FAILURE
    }

    static final StepGate INSTANCE = new StepGate();

    private final Map<Point, Hold> holds = new ConcurrentHashMap<>();
    private final AtomicInteger deadlinesRun = new AtomicInteger();

    private StepGate() {
    }

    void hold(Point point, TransferId transfer) {
        holds.put(point, new Hold(transfer.value()));
    }

    /** Called by a node reaching the point: waits there until the test releases it (bounded, so a broken test cannot hang a build). */
    void pass(Point point, TransferId transfer) throws InterruptedException {
        Hold hold = holds.get(point);
        if (hold == null || !hold.transfer.equals(transfer.value())) {
            return;
        }
        hold.entered.countDown();
        if (!hold.released.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released " + point + " of " + transfer);
        }
    }

    boolean awaitEntered(Point point, Duration timeout) throws InterruptedException {
        return holds.get(point).entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean entered(Point point) {
        Hold hold = holds.get(point);
        return hold != null && hold.entered.getCount() == 0;
    }

    void release(Point point) {
        Hold hold = holds.remove(point);
        if (hold != null) {
            hold.released.countDown();
        }
    }

    void releaseAll() {
        for (Point point : Point.values()) {
            release(point);
        }
    }

    void deadlineRun() {
        deadlinesRun.incrementAndGet();
    }

    int deadlinesRun() {
        return deadlinesRun.get();
    }

    private record Hold(String transfer, CountDownLatch entered, CountDownLatch released) {

        Hold(String transfer) {
            this(transfer, new CountDownLatch(1), new CountDownLatch(1));
        }
    }
}
