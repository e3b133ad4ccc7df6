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
 *
 * <p>A server slower than the rate leaves requests due that were never sent. Sending all of them would
 * stretch the step by as long as the server needs to work off the queue (minutes for a saturated one);
 * instead, once the step's time and a drain after it have passed, the requests still due are not sent:
 * each counts as failed, with the delay it had reached, a lower bound of what it would have waited.
 */
public final class PacedLoad {

    /** How long after the step's time requests already due are still sent. */
    public static final Duration DRAIN = Duration.ofSeconds(2);

    private PacedLoad() {
    }

    public static StepResult run(String name, int workers, double ratePerSecond, Duration duration,
                                 IntFunction<Operation> operations) {
        return run(name, workers, ratePerSecond, duration, DRAIN, operations);
    }

    public static StepResult run(String name, int workers, double ratePerSecond, Duration duration, Duration drain,
                                 IntFunction<Operation> operations) {
        long intervalNanos = (long) (workers * 1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Timetable> timetables = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            // offsets spread the workers' first requests evenly over one interval
            Timetable timetable = new Timetable(operations.apply(i), start + intervalNanos * i / workers, intervalNanos, end,
                    end + drain.toNanos());
            timetables.add(timetable);
            threads.add(new Thread(timetable, name + "-worker-" + i));
        }
        threads.forEach(Thread::start);
        Threads.joinAll(threads);

        List<LatencyRecorder> recorders = new ArrayList<>();
        long errors = 0;
        long served = 0;
        long notSent = 0;
        String firstError = null;
        for (Timetable timetable : timetables) {
            recorders.add(timetable.latencies);
            errors += timetable.errors + timetable.notSent;
            served += timetable.served;
            notSent += timetable.notSent;
            firstError = firstError != null ? firstError : timetable.firstError;
        }
        if (notSent > 0) {
            firstError = notSent + " requests not sent: still due when the step and its drain of " + drain.toMillis()
                    + " ms had ended" + (firstError == null ? "" : "; first failure: " + firstError);
        }
        LatencySummary latency = LatencyRecorder.summarize(recorders);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StepResult(name, workers, served, errors, seconds, served / seconds, latency, firstError);
    }

    private static final class Timetable implements Runnable {

        private final Operation operation;
        private final long firstDue;
        private final long interval;
        private final long end;
        private final long drainEnd;
        final LatencyRecorder latencies = new LatencyRecorder();
        long served;
        long errors;
        long notSent;
        String firstError;

        Timetable(Operation operation, long firstDue, long interval, long end, long drainEnd) {
            this.operation = operation;
            this.firstDue = firstDue;
            this.interval = interval;
            this.end = end;
            this.drainEnd = drainEnd;
        }

        @Override
        public void run() {
            for (long due = firstDue; due < end; due += interval) {
                long now = System.nanoTime();
                if (now > drainEnd) {
                    giveUp(due, now);
                    return;
                }
                if (due > now) {
                    LockSupport.parkNanos(due - now);
                }
                try {
                    operation.perform();
                    served++;
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

        private void giveUp(long firstUnsent, long now) {
            for (long due = firstUnsent; due < end; due += interval) {
                latencies.record(now - due);
                notSent++;
            }
        }
    }
}
