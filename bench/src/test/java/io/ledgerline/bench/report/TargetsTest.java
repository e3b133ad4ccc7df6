package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.LatencySummary;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    static StepResult step(int clients, double perSecond, double p50, double p99) {
        return new StepResult("step", clients, (long) perSecond * 10, 0, 10, perSecond,
                new LatencySummary((long) perSecond * 10, p50, p50 * 1.5, p99, p99 * 2, p50), null);
    }

    /** A 10-second step whose operations cost the ledger's processes {@code ledgerCpuMs} each, and the load generator 5 ms more. */
    static StepResult stepWithCpu(int clients, double perSecond, double ledgerCpuMs) {
        double ledgerSeconds = perSecond * 10 * ledgerCpuMs / 1000;
        return step(clients, perSecond, 10, 20).withCpuSeconds(Map.of("command-side", ledgerSeconds / 2,
                "query-side", ledgerSeconds / 4, "PostgreSQL", ledgerSeconds / 4, "Kafka", 0.0, "Elasticsearch", 0.0,
                "benchmark harness (load generator)", perSecond * 10 * 5 / 1000, "peer-axon", 3.0));
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

    static PeerResult peer(double perSecondAt32, double pacedP99) {
        return new PeerResult(List.of(step(32, perSecondAt32, 15, 60)), step(16, 500, 10, pacedP99), "-Xmx384m");
    }

    static HotAccountsResult hot(Map<Integer, Long> byStatus, long unanswered, boolean shortened) {
        return new HotAccountsResult(64, 8, shortened ? 12 : 60, shortened, byStatus, unanswered,
                new LatencySummary(1_000, 40, 90, 120, 300, 45), null);
    }

    /** Every figure within its target: 1,300 deposits/s against 4,000 commits and a peer at 1,000/s. */
    private static TargetFigures withinEveryTarget() {
        return new TargetFigures(List.of(step(32, 4000, 10, 20)), List.of(stepWithCpu(32, 1300, 0.9)),
                List.of(stepWithCpu(32, 450, 4.5)), step(16, 650, 8, 40), peer(1000, 45), lag(240, 1150), storeSizes(10, 11),
                rebuilds(41_000, 22_000, 25_000, 21_000), memory(600, 700),
                hot(Map.of(200, 700L, 202, 300L, 409, 20L), 0, false));
    }

    private static TargetFigures with(TargetFigures f, List<StepResult> deposits, StepResult atHalf, PeerResult peer,
                                      HotAccountsResult hot) {
        return new TargetFigures(f.baseline(), deposits, f.transfers(), atHalf, peer, f.lag(), f.storeSizeProbe(),
                f.rebuilds(), f.memory(), hot);
    }

    private static TargetCheck named(List<TargetCheck> checks, String prefix) {
        return checks.stream().filter(check -> check.target().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aRunWithinEveryTargetMeetsAllOfThem() {
        List<TargetCheck> checks = Targets.check(withinEveryTarget());

        assertThat(checks).extracting(TargetCheck::verdict).containsOnly(TargetCheck.Verdict.MET);
    }

    @Test
    void checksEveryFigureOfTheIssuesTableInItsOrder() {
        assertThat(Targets.check(withinEveryTarget())).extracting(TargetCheck::target).containsExactly(
                "CPU per deposit at 32 clients, ledger processes (services, PostgreSQL, Kafka, Elasticsearch; load generator excluded) <= 1.0 ms",
                "Deposits/s at 32 clients >= 0.30 x durable raw commits/s at 32 clients",
                "Deposits/s at 32 clients >= 1.0 x the plain Axon service's in the same run",
                "p99 deposit latency at half the maximum rate <= 50 ms",
                "p99 deposit latency at half the maximum rate not worse than the plain Axon service's at the same rate",
                "CPU per transfer (request to COMPLETED) at 32 clients, ledger processes <= 5 ms",
                "Transfers/s at 32 clients >= 400",
                "Lag to the SQL read model p99 <= 250 ms",
                "Lag to Elasticsearch p99 <= 1.2 s",
                "Rebuild into SQL >= 40,000 events/s",
                "Rebuild into Elasticsearch >= 20,000 events/s (slowest index)",
                "64 clients on 8 hot accounts for 60 s: 0 answers 5xx, p99 reported",
                "command-side peak RSS under load <= 768 MB",
                "query-side peak RSS under load <= 768 MB",
                "Deposit latency from a near-empty to the filled event store flat (p50 at most +25%)");
    }

    @Nested
    class CpuPerOperation {

        @Test
        void countsTheLedgersProcessesButNotTheLoadGeneratorNorThePeer() {
            TargetCheck check = Targets.check(withinEveryTarget()).get(0);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MET);
            assertThat(check.measured()).startsWith("0.90 ms (command-side 0.45, query-side 0.23, PostgreSQL 0.23");
        }

        @Test
        void aDepositAboveOneMillisecondMissesIt() {
            TargetFigures f = withinEveryTarget();
            List<TargetCheck> checks = Targets.check(with(f, List.of(stepWithCpu(32, 1300, 1.1)), f.atHalfMaximum(), f.peer(),
                    f.hotAccounts()));

            assertThat(checks.get(0).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void aTransferAboveFiveMillisecondsMissesIt() {
            TargetFigures f = withinEveryTarget();
            TargetFigures slow = new TargetFigures(f.baseline(), f.deposits(), List.of(stepWithCpu(32, 450, 5.2)),
                    f.atHalfMaximum(), f.peer(), f.lag(), f.storeSizeProbe(), f.rebuilds(), f.memory(), f.hotAccounts());

            assertThat(named(Targets.check(slow), "CPU per transfer").verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void aStepWithoutCpuAccountingIsNotMeasuredWithTheReason() {
            TargetFigures f = withinEveryTarget();
            TargetCheck check = Targets.check(with(f, List.of(step(32, 1300, 10, 20)), f.atHalfMaximum(), f.peer(),
                    f.hotAccounts())).get(0);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
            assertThat(check.measured()).isEqualTo("not measured: no 32-client step with CPU accounting");
        }
    }

    @Nested
    class DepositRate {

        @Test
        void belowThirtyPercentOfDurableCommitsMissesIt() {
            TargetFigures f = withinEveryTarget();
            TargetCheck check = Targets.check(with(f, List.of(stepWithCpu(32, 1160, 0.9)), f.atHalfMaximum(), peer(1000, 45),
                    f.hotAccounts())).get(1);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
            assertThat(check.measured()).isEqualTo("1,160/s = 0.29 x 4,000/s durable commits");
        }

        @Test
        void belowThePlainAxonServicesRateMissesIt() {
            TargetFigures f = withinEveryTarget();
            TargetCheck check = Targets.check(with(f, f.deposits(), f.atHalfMaximum(), peer(1400, 45), f.hotAccounts())).get(2);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
            assertThat(check.measured()).isEqualTo("1,300/s = 0.93 x 1,400/s of the peer");
        }

        @Test
        void atThePlainAxonServicesRateMeetsIt() {
            TargetFigures f = withinEveryTarget();

            assertThat(Targets.check(with(f, f.deposits(), f.atHalfMaximum(), peer(1300, 45), f.hotAccounts())).get(2).verdict())
                    .isEqualTo(TargetCheck.Verdict.MET);
        }
    }

    @Nested
    class LatencyAtHalfTheMaximum {

        @Test
        void aboveFiftyMillisecondsMissesIt() {
            TargetFigures f = withinEveryTarget();

            assertThat(Targets.check(with(f, f.deposits(), step(16, 650, 8, 51), peer(1000, 80), f.hotAccounts())).get(3).verdict())
                    .isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void worseThanThePeersAtTheSameRateMissesIt() {
            TargetFigures f = withinEveryTarget();
            TargetCheck check = Targets.check(with(f, f.deposits(), step(16, 650, 8, 40), peer(1000, 32), f.hotAccounts())).get(4);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
            assertThat(check.measured()).isEqualTo("40 ms against 32 ms at 650/s offered = 1.25 x the peer");
        }
    }

    @Test
    void withoutThePeerBothOfItsComparisonsAreNotMeasuredWithTheReason() {
        TargetFigures f = withinEveryTarget();
        List<TargetCheck> checks = Targets.check(with(f, f.deposits(), f.atHalfMaximum(), null, f.hotAccounts()));

        assertThat(List.of(checks.get(2), checks.get(4))).allSatisfy(check -> {
            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
            assertThat(check.measured()).isEqualTo("not measured: the plain Axon peer did not run");
        });
    }

    @Test
    void fewerThanFourHundredTransfersASecondMissIt() {
        TargetFigures f = withinEveryTarget();
        TargetFigures slow = new TargetFigures(f.baseline(), f.deposits(), List.of(stepWithCpu(32, 390, 4.5)),
                f.atHalfMaximum(), f.peer(), f.lag(), f.storeSizeProbe(), f.rebuilds(), f.memory(), f.hotAccounts());

        assertThat(named(Targets.check(slow), "Transfers/s").verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
    }

    @Nested
    class HotAccounts {

        private TargetCheck check(HotAccountsResult hot) {
            TargetFigures f = withinEveryTarget();
            return named(Targets.check(with(f, f.deposits(), f.atHalfMaximum(), f.peer(), hot)), "64 clients on 8 hot accounts");
        }

        @Test
        void refusalsAreAnswersAndMeetIt() {
            TargetCheck check = check(hot(Map.of(200, 700L, 202, 300L, 409, 20L, 422, 5L), 0, false));

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MET);
            assertThat(check.measured()).isEqualTo("0 5xx, 0 without answer of 1,025 answers (200 x 700, 202 x 300, 409 x 20,"
                    + " 422 x 5); p99 120 ms; 60 s");
        }

        @Test
        void oneServerErrorMissesIt() {
            assertThat(check(hot(Map.of(200, 700L, 503, 1L), 0, false)).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void aRequestLeftWithoutAnswerMissesIt() {
            assertThat(check(hot(Map.of(200, 700L), 1, false)).verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }

        @Test
        void aShortenedPhaseSaysSo() {
            assertThat(check(hot(Map.of(200, 700L), 0, true)).measured()).endsWith("12 s (shortened by the quick run; the target asks 60 s)");
        }

        @Test
        void aPhaseThatDidNotRunIsNotMeasured() {
            TargetCheck check = check(null);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
            assertThat(check.measured()).isEqualTo("not measured: the hot-accounts phase did not run");
        }
    }

    @Nested
    class Rebuilds {

        @Test
        void theSlowestSearchIndexDecides() {
            assertThat(Targets.slowestSearchRebuild(rebuilds(40_000, 12_000, 9_000, 11_000))).isEqualTo(9_000);
        }

        @Test
        void aRebuildApiThatIsNotThereIsNotMeasuredRatherThanMissed() {
            TargetFigures f = withinEveryTarget();
            List<RebuildResult> unavailable = List.of(RebuildResult.notAvailable(Targets.SQL_PROJECTION, "404"));
            List<TargetCheck> checks = Targets.check(new TargetFigures(f.baseline(), f.deposits(), f.transfers(),
                    f.atHalfMaximum(), f.peer(), f.lag(), f.storeSizeProbe(), unavailable, f.memory(), f.hotAccounts()));

            assertThat(named(checks, "Rebuild into SQL").verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
            assertThat(named(checks, "Rebuild into Elasticsearch").verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
        }

        @Test
        void belowTheNewThresholdsMissThem() {
            TargetFigures f = withinEveryTarget();
            List<TargetCheck> checks = Targets.check(new TargetFigures(f.baseline(), f.deposits(), f.transfers(),
                    f.atHalfMaximum(), f.peer(), f.lag(), f.storeSizeProbe(), rebuilds(39_000, 22_000, 19_000, 21_000),
                    f.memory(), f.hotAccounts()));

            assertThat(named(checks, "Rebuild into SQL").verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
            assertThat(named(checks, "Rebuild into Elasticsearch").verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        }
    }

    @Test
    void latencyThatGrowsWithTheStoreMissesItsTarget() {
        TargetFigures f = withinEveryTarget();
        List<TargetCheck> checks = Targets.check(new TargetFigures(f.baseline(), f.deposits(), f.transfers(),
                f.atHalfMaximum(), f.peer(), f.lag(), storeSizes(10, 14), f.rebuilds(), f.memory(), f.hotAccounts()));

        TargetCheck growth = checks.get(checks.size() - 1);
        assertThat(growth.verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
        assertThat(growth.measured()).contains("x1.40");
    }

    @Test
    void lagAndMemoryBeyondTheirLimitsMissThem() {
        TargetFigures f = withinEveryTarget();
        List<TargetCheck> checks = Targets.check(new TargetFigures(f.baseline(), f.deposits(), f.transfers(),
                f.atHalfMaximum(), f.peer(), lag(260, 1250), f.storeSizeProbe(), f.rebuilds(), memory(769, 768), f.hotAccounts()));

        assertThat(checks).filteredOn(check -> check.verdict() == TargetCheck.Verdict.MISSED)
                .extracting(TargetCheck::target)
                .containsExactly("Lag to the SQL read model p99 <= 250 ms", "Lag to Elasticsearch p99 <= 1.2 s",
                        "command-side peak RSS under load <= 768 MB");
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
        void judgesTheSettledRoundsNotAFlatteringFirstOne() {
            GatewayComparison comparison = new GatewayComparison(32,
                    List.of(step(32, 600, 10, 20), step(32, 1000, 10, 20), step(32, 1000, 10, 20)),
                    List.of(step(32, 1000, 12, 25), step(32, 800, 12, 25), step(32, 800, 12, 25)));

            TargetCheck check = Targets.gateway(comparison);

            assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISSED);
            assertThat(check.measured()).isEqualTo("800/s = 80% of 1000/s direct in rounds 2 to 3 (all rounds: 100%)");
        }

        @Test
        void aRunWithoutTheGatewayStepHasItNotMeasured() {
            assertThat(Targets.gateway(null).verdict()).isEqualTo(TargetCheck.Verdict.NOT_MEASURED);
        }
    }
}
