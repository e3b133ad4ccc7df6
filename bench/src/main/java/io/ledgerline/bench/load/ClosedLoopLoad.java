package io.ledgerline.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A fixed number of clients, each waiting for its answer before sending again: the throughput the
 * system reaches at that concurrency, and the latencies it costs.
 */
public final class ClosedLoopLoad {

    private ClosedLoopLoad() {
    }

    /**
     * @param operations the operation of client {@code i}; clients get their own so that they need not
     *                   share (and contend on) the same accounts
     */
    public static StepResult run(String name, int clients, Duration warmup, Duration measured,
                                 IntFunction<Operation> operations) {
        return run(name, clients, warmup, measured, operations, MeasurementWindow.NONE);
    }

    /** @param window told when the measured window opens and closes, to measure alongside the load */
    public static StepResult run(String name, int clients, Duration warmup, Duration measured,
                                 IntFunction<Operation> operations, MeasurementWindow window) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<ClientLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClientLoop loop = new ClientLoop(operations.apply(i), measureFrom, end);
            loops.add(loop);
            threads.add(new Thread(loop, name + "-client-" + i));
        }
        threads.forEach(Thread::start);
        Pacing.until(measureFrom);
        window.opened();
        Pacing.until(end);
        window.closed();
        Threads.joinAll(threads);
        return result(name, clients, measureFrom, end, loops);
    }

    private static StepResult result(String name, int clients, long measureFrom, long end, List<ClientLoop> loops) {
        long answered = 0;
        long errors = 0;
        String firstError = null;
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (ClientLoop loop : loops) {
            recorders.add(loop.latencies);
            answered += loop.answeredInWindow;
            errors += loop.errors;
            firstError = firstError != null ? firstError : loop.firstError;
        }
        double seconds = (end - measureFrom) / 1e9;
        return new StepResult(name, clients, answered, errors, seconds, answered / seconds,
                LatencyRecorder.summarize(recorders), firstError);
    }
}
