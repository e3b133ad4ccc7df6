package io.ledgerline.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Pauses between polls of a load generator (never a synchroniser in tests). */
public final class Pacing {

    private Pacing() {
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Parks until System.nanoTime() reaches {@code nanoTime}. */
    public static void until(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted");
            }
        }
    }
}
