package io.ledgerline.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Requests at a fixed rate, spread over workers that each follow their own timetable. A request's
 * latency counts from when it was due, not from when it was sent: a stalled server delays the
 * requests queued behind it, and that delay is what a client at this rate would see (otherwise a
 * pause would hide itself by holding back the requests that would have measured it).
 */
public final class PacedLoad {

    private PacedLoad() {
    }

    public static StepResult run(String name, int workers, double ratePerSecond, Duration duration,
                                 IntFunction<Operation> operations) {
        long intervalNanos = (long) (workers * 1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Timetable> timetables = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            // offsets spread the workers' first requests evenly over one interval
            Timetable timetable = new Timetable(operations.apply(i), start + intervalNanos * i / workers, intervalNanos, end);
            timetables.add(timetable);
            threads.add(new Thread(timetable, name + "-worker-" + i));
        }
        threads.forEach(Thread::start);
        Threads.joinAll(threads);

        List<LatencyRecorder> recorders = new ArrayList<>();
        long errors = 0;
        String firstError = null;
        for (Timetable timetable : timetables) {
            recorders.add(timetable.latencies);
            errors += timetable.errors;
            firstError = firstError != null ? firstError : timetable.firstError;
        }
        LatencySummary latency = LatencyRecorder.summarize(recorders);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepResult(name, workers, latency.count(), errors, seconds, latency.count() / seconds, latency, firstError);
    }

    private static final class Timetable implements Runnable {

        private final Operation operation;
        private final long firstDue;
        private final long interval;
        private final long end;
        final LatencyRecorder latencies = new LatencyRecorder();
        long errors;
        String firstError;

        Timetable(Operation operation, long firstDue, long interval, long end) {
            this.operation = operation;
            this.firstDue = firstDue;
            this.interval = interval;
            this.end = end;
        }

        @Override
        public void run() {
            for (long due = firstDue; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    operation.perform();
                    latencies.record(System.nanoTime() - due);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
            }
        }
    }
}
