package io.ledgerline.bench.load;

import java.util.Arrays;

/**
 * Latencies of one client thread, in nanoseconds. Not thread-safe by design: each client records
 * into its own recorder and the recorders are merged once the step is over, so recording costs no
 * synchronisation while the load runs.
 */
public final class LatencyRecorder {

    private long[] nanos = new long[1024];
    private int size;

    public void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    public int count() {
        return size;
    }

    public static LatencySummary summarize(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.size;
        }
        long[] all = new long[total];
        int offset = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.nanos, 0, all, offset, recorder.size);
            offset += recorder.size;
        }
        return LatencySummary.of(all);
    }
}
