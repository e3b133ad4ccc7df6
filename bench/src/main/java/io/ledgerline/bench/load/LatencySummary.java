package io.ledgerline.bench.load;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds. Percentiles use the nearest-rank method, so
 * every reported value is a latency that was actually observed (p99 of 50 samples is the largest).
 */
public record LatencySummary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanMs) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static LatencySummary of(long[] latencyNanos) {
        if (latencyNanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencySummary(sorted.length, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 95)),
                millis(nearestRank(sorted, 99)), millis(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
    }

    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
