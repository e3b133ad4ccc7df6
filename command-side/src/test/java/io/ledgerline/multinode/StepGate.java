package io.ledgerline.multinode;

import io.ledgerline.events.TransferId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds one transfer's credit step on the node that applies it, and counts the deadlines a node has
 * run, so a test can make a deadline fire exactly while a step is being applied. One gate per JVM: the
 * nodes of a test are application contexts in the same JVM.
 */
final class StepGate {

    static final StepGate INSTANCE = new StepGate();

    private volatile String heldTransfer;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger deadlinesRun = new AtomicInteger();

    private StepGate() {
    }

    void holdCreditOf(TransferId transfer) {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        heldTransfer = transfer.value();
    }

    /** Called by the node applying the credit: waits there until the test releases it (bounded, so a broken test cannot hang a build). */
    void passCredit(TransferId transfer) throws InterruptedException {
        if (!transfer.value().equals(heldTransfer)) {
            return;
        }
        CountDownLatch release = released;
        entered.countDown();
        if (!release.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the credit of " + transfer);
        }
    }

    boolean awaitCreditEntered(Duration timeout) throws InterruptedException {
        return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        heldTransfer = null;
        released.countDown();
    }

    void deadlineRun() {
        deadlinesRun.incrementAndGet();
    }

    int deadlinesRun() {
        return deadlinesRun.get();
    }
}
