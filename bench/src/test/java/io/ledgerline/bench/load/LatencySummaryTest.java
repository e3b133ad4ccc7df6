package io.ledgerline.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {

    private static final long MS = 1_000_000;

    @Test
    void reportsNearestRankPercentilesInMilliseconds() {
        long[] latencies = LongStream.rangeClosed(1, 100).map(ms -> ms * MS).toArray();

        LatencySummary summary = LatencySummary.of(latencies);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isEqualTo(50.0);
        assertThat(summary.p95Ms()).isEqualTo(95.0);
        assertThat(summary.p99Ms()).isEqualTo(99.0);
        assertThat(summary.maxMs()).isEqualTo(100.0);
        assertThat(summary.meanMs()).isEqualTo(50.5);
    }

    @Test
    void percentilesOfFewSamplesAreSamplesThatWereObserved() {
        LatencySummary summary = LatencySummary.of(new long[] {30 * MS, 10 * MS, 20 * MS});

        assertThat(summary.p50Ms()).isEqualTo(20.0);
        assertThat(summary.p99Ms()).isEqualTo(30.0);
    }

    @Test
    void anEmptyStepHasNoPercentiles() {
        LatencySummary summary = LatencySummary.of(new long[0]);

        assertThat(summary.count()).isZero();
        assertThat(summary.p99Ms()).isNaN();
    }

    @Test
    void mergesTheRecordersOfAllClients() {
        LatencyRecorder first = new LatencyRecorder();
        LatencyRecorder second = new LatencyRecorder();
        for (int i = 0; i < 2000; i++) {
            first.record(MS);
        }
        second.record(500 * MS);

        LatencySummary summary = LatencyRecorder.summarize(List.of(first, second));

        assertThat(summary.count()).isEqualTo(2001);
        assertThat(summary.p99Ms()).isEqualTo(1.0);
        assertThat(summary.maxMs()).isEqualTo(500.0);
    }
}
