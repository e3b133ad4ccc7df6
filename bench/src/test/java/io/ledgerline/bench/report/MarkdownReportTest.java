package io.ledgerline.bench.report;

import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.FillResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ledgerline.bench.report.TargetsTest.lag;
import static io.ledgerline.bench.report.TargetsTest.memory;
import static io.ledgerline.bench.report.TargetsTest.step;
import static io.ledgerline.bench.report.TargetsTest.storeSizes;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static BenchReport report(List<RebuildResult> rebuilds) {
        List<StepResult> baseline = List.of(step(1, 500, 2, 4), step(32, 4000, 8, 16));
        List<StepResult> baselineWithoutSync = List.of(step(1, 2000, 0.5, 1), step(32, 10000, 3, 6));
        List<StepResult> deposits = List.of(step(1, 100, 10, 20), step(32, 1000, 30, 80));
        LagResult lag = lag(120, 1100);
        List<TargetCheck> targets = Targets.check(baseline, deposits, step(16, 500, 12, 30), lag, storeSizes(10, 11),
                rebuilds, memory(500, 600));
        MachineDescription machine = new MachineDescription(2, "Some CPU", 24L << 30, "Linux 6.1 amd64", "17.0.15",
                "OpenJDK 64-Bit Server VM", "17.11", "on", "on", "3.9.1", "8.19.21", "1.00 0.80 0.50", "2.00 1.50 0.90");
        return new BenchReport("2026-11-24-quick", "2026-11-24T03:00:00Z", "bench/run",
                new BenchReport.RunSettings(20_000, List.of(1, 32), 6, 2, false, "-Xmx384m"), machine, baseline, baselineWithoutSync,
                deposits, List.of(step(1, 20, 50, 90)), 500, step(16, 500, 12, 30), lag, storeSizes(10, 11),
                new FillResult(1_000, 20_000, 38, 0, 0), rebuilds, memory(500, 600), null, targets, 250);
    }

    @Test
    void showsEachFigureWithItsRatioToTheBaselineAtTheSameClientCount() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("| 32 | 1,000 | 0.25 | 30 ms | 45 ms | 80 ms | 3.75 | 0 |");
        assertThat(markdown).contains("| 1 | 500 | 2.00 ms | 3.00 ms | 4.00 ms | 0 |");
    }

    @Test
    void showsRawCommitsWithoutSynchronousCommitNextToTheDurableOnes() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("| clients | commits/s | p50 | p95 | p99 | errors | synchronous_commit=off: commits/s"
                + " | x durable rate | p50 | p99 | errors |");
        assertThat(markdown).contains("| 32 | 4,000 | 8.00 ms | 12 ms | 16 ms | 0 | 10,000 | 2.50 | 3.00 ms | 6.00 ms | 0 |");
    }

    @Test
    void startsWithTheTargetsAndTheirVerdicts() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown.indexOf("## Targets")).isLessThan(markdown.indexOf("## Machine and settings"));
        assertThat(markdown).contains("| Deposits over HTTP at 32 clients >= 50% of the raw commit rate at 32 clients"
                + " | 1000/s = 25% of 4000/s | **MISSED** |");
        assertThat(markdown).contains("| Rebuild into SQL >= 30,000 events/s | n/a | **NOT MEASURED** |");
    }

    @Test
    void describesTheMachineAndHowBusyItWas() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("| processors | 2 (Some CPU) |", "| memory | 24.0 GiB |",
                "| PostgreSQL | 17.11 (fsync on, synchronous_commit on) |", "at start 1.00 0.80 0.50, at end 2.00 1.50 0.90");
    }

    @Test
    void saysWhyARebuildWasNotMeasured() {
        String markdown = MarkdownReport.render(report(List.of(
                RebuildResult.notAvailable(Targets.SQL_PROJECTION, "the query side answered 404: no rebuild API"))));

        assertThat(markdown).contains("| ledgerline-query-sql | NOT_AVAILABLE | 0 | n/a | n/a | n/a | n/a |"
                + " the query side answered 404: no rebuild API |");
    }
}
