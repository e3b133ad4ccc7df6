package io.ledgerline.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * One client of a closed-loop step: it sends its next request as soon as the previous one is
 * answered, until the step ends. Requests answered inside the measured window count towards the
 * rate; every request answered after the warm-up counts towards the latencies, also one answered
 * after the window closed, because leaving out the slowest requests would flatter the percentiles.
 */
final class ClientLoop implements Runnable {

    /** A failing request is retried after this pause, so that a refusing server is not hammered in a busy loop. */
    private static final long PAUSE_AFTER_ERROR_NANOS = 10_000_000;

    private final Operation operation;
    private final long measureFromNanos;
    private final long endNanos;
    final LatencyRecorder latencies = new LatencyRecorder();
    long answeredInWindow;
    long errors;
    String firstError;

    ClientLoop(Operation operation, long measureFromNanos, long endNanos) {
        this.operation = operation;
        this.measureFromNanos = measureFromNanos;
        this.endNanos = endNanos;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        while (now < endNanos) {
            try {
                operation.perform();
                long answered = System.nanoTime();
                if (answered >= measureFromNanos) {
                    latencies.record(answered - now);
                    if (answered <= endNanos) {
                        answeredInWindow++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (System.nanoTime() >= measureFromNanos) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
                LockSupport.parkNanos(PAUSE_AFTER_ERROR_NANOS);
            }
            now = System.nanoTime();
        }
    }
}
