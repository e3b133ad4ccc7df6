package io.ledgerline.bench.rebuild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildRunTest {

    @Test
    void throughputIsMeasuredBetweenTheReportedStartAndFinish() {
        assertThat(RebuildRun.secondsBetween("2026-11-24T10:00:00Z", "2026-11-24T10:00:12.5Z")).isEqualTo(12.5);
    }

    @Test
    void aMissingInstantLeavesTheDurationUnknown() {
        assertThat(RebuildRun.secondsBetween("2026-11-24T10:00:00Z", "null")).isNaN();
    }

    @Test
    void aRebuildIsMeasuredOnlyWhenItCompletedWithEvents() {
        assertThat(new RebuildResult("p", "COMPLETED", 10, 1, 10, 10, "").measured()).isTrue();
        assertThat(new RebuildResult("p", "FAILED", 10, 1, 10, 10, "boom").measured()).isFalse();
        assertThat(RebuildResult.notAvailable("p", "404").measured()).isFalse();
    }
}
