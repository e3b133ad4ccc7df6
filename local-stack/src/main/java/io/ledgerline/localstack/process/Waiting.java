package io.ledgerline.localstack.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition of a process that reports readiness only from the outside. */
public final class Waiting {

    private static final long POLL_MILLIS = 250;

    private Waiting() {
    }

    /** Returns true once {@code ready} holds, false on timeout or when {@code stillAlive} turns false. */
    public static boolean until(BooleanSupplier ready, BooleanSupplier stillAlive, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return true;
            }
            if (!stillAlive.getAsBoolean()) {
                return ready.getAsBoolean();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
