package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.LatencySummary;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.rebuild.RebuildResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    static StepResult step(int clients, double perSecond, double p50, double p99) {
        return new StepResult("step", clients, (long) perSecond * 10, 0, 10, perSecond,
                new LatencySummary((long) perSecond * 10, p50, p50 * 1.5, p99, p99 * 2, p50), null);
    }

    static LagResult lag(double sqlP99, double searchP99) {
        return new LagResult(new LatencySummary(100, sqlP99 / 2, sqlP99, sqlP99, sqlP99, sqlP99 / 2),
                new LatencySummary(50, searchP99 / 2, searchP99, searchP99, searchP99, searchP99 / 2), 0, null);
    }

    static RebuildResult rebuilt(String projection, double eventsPerSecond) {
        return new RebuildResult(projection, "COMPLETED", 100_000, 100_000 / eventsPerSecond, eventsPerSecond, eventsPerSecond, "");
    }

    static List<RebuildResult> rebuilds(double sql, double accounts, double transactions, double audit) {
        return List.of(rebuilt(Targets.SQL_PROJECTION, sql), rebuilt(Targets.SEARCH_PROJECTIONS.get(0), accounts),
                rebuilt(Targets.SEARCH_PROJECTIONS.get(1), transactions), rebuilt(Targets.SEARCH_PROJECTIONS.get(2), audit));
    }

    static List<BenchReport.StoreSizeProbe> storeSizes(double p50Before, double p50After) {
        return List.of(new BenchReport.StoreSizeProbe(1_000, step(8, 400, p50Before, 40)),
                new BenchReport.StoreSizeProbe(1_000_000, step(8, 400, p50After, 40)));
    }

    static List<ServiceMemory> memory(long commandMb, long queryMb) {
        return List.of(new ServiceMemory("command-side", commandMb << 20, commandMb << 20),
                new ServiceMemory("query-side", queryMb << 20, queryMb << 20));
    }

    private static List<TargetCheck> allMet() {
        return Targets.check(List.of(step(32, 2000, 10, 20)), List.of(step(32, 1200, 20, 50)), step(16, 600, 8, 20),
                lag(250, 1400), storeSizes(10, 11), rebuilds(40_000, 12_000, 15_000, 11_000), memory(600, 700));
    }

    @Test
    void aRunWithinEveryTargetMeetsAllOfThem() {
        assertThat(allMet()).extracting(TargetCheck::verdict).containsOnly(TargetCheck.Verdict.MET);
        assertThat(allMet()).hasSize(9);
    }

    @Test
    void depositsAreComparedWithTheBaselineAtThirtyTwoClients() {
        List<TargetCheck> checks = Targets.check(List.of(step(32, 2000, 10, 20)), List.of(step(32, 900, 20, 50)),
                step(16, 450, 8, 20), lag(250, 1400), storeSizes(10, 11), rebuilds(40_000, 12_000, 15_000, 11_000),
                memory(600, 700));

        assertThat(checks.get(0).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        assertThat(checks.get(0).measured()).contains("45%");
    }

    @Nested
    class Rebuilds {

        @Test
        void theSlowestSearchIndexDecides() {
            assertThat(Targets.slowestSearchRebuild(rebuilds(40_000, 12_000, 9_000, 11_000))).isEqualTo(9_000);
        }

        @Test
        void aRebuildApiThatIsNotThereIsNotMeasuredRatherThanMissed() {
            List<RebuildResult> unavailable = List.of(RebuildResult.notAvailable(Targets.SQL_PROJECTION, "404"));

            List<TargetCheck> checks = Targets.check(List.of(step(32, 2000, 10, 20)), List.of(step(32, 1200, 20, 50)),
                    step(16, 600, 8, 20), lag(250, 1400), storeSizes(10, 11), unavailable, memory(600, 700));

            assertThat(checks.get(4).verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
            assertThat(checks.get(5).verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
        }
    }

    @Test
    void latencyThatGrowsWithTheStoreMissesItsTarget() {
        List<TargetCheck> checks = Targets.check(List.of(step(32, 2000, 10, 20)), List.of(step(32, 1200, 20, 50)),
                step(16, 600, 8, 20), lag(250, 1400), storeSizes(10, 14), rebuilds(40_000, 12_000, 15_000, 11_000),
                memory(600, 700));

        assertThat(checks.get(8).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        assertThat(checks.get(8).measured()).contains("x1.40");
    }

    @Test
    void aServiceAtTheMemoryLimitMissesIt() {
        List<TargetCheck> checks = Targets.check(List.of(step(32, 2000, 10, 20)), List.of(step(32, 1200, 20, 50)),
                step(16, 600, 8, 20), lag(350, 1600), storeSizes(10, 11), rebuilds(40_000, 12_000, 15_000, 11_000),
                memory(768, 700));

        assertThat(checks).filteredOn(check -> check.verdict() == TargetCheck.Verdict.MISSED)
                .extracting(TargetCheck::target)
                .containsExactly("Lag to the SQL read model p99 <= 300 ms", "Lag to Elasticsearch p99 <= 1.5 s",
                        "command-side peak RSS under load < 768 MB");
    }

    @Test
    void ratiosNeverDivideByZero() {
        assertThat(Ratios.of(5, 0)).isNaN();
        assertThat(Ratios.of(Double.NaN, 2)).isNaN();
        assertThat(Ratios.of(3, 2)).isEqualTo(1.5);
    }

    @Nested
    class Gateway {

        private GatewayComparison comparison(double directPerSecond, double gatewayPerSecond) {
            return new GatewayComparison(32, List.of(step(32, directPerSecond, 10, 20)), List.of(step(32, gatewayPerSecond, 12, 25)));
        }

        @Test
        void depositsThroughTheGatewayAtEightyFivePercentOfDirectMeetTheTarget() {
            TargetCheck check = Targets.gateway(comparison(1000, 850));

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MET);
            assertThat(check.target()).isEqualTo("Deposits through the gateway at 32 clients >= 85% of direct deposits in the same run");
            assertThat(check.measured()).isEqualTo("850/s = 85% of 1000/s direct");
        }

        @Test
        void depositsThroughTheGatewayBelowEightyFivePercentOfDirectMissIt() {
            assertThat(Targets.gateway(comparison(1000, 840)).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void aRunWithoutTheGatewayStepHasItNotMeasured() {
            assertThat(Targets.gateway(null).verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
        }
    }
}
