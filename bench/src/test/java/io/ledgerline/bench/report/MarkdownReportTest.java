package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.CustomerViewComparison;
import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.LatencySummary;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.FillResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ledgerline.bench.report.TargetsTest.lag;
import static io.ledgerline.bench.report.TargetsTest.memory;
import static io.ledgerline.bench.report.TargetsTest.step;
import static io.ledgerline.bench.report.TargetsTest.storeSizes;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static final MachineDescription MACHINE = new MachineDescription(2, "Some CPU", 24L << 30, "Linux 6.1 amd64",
            "17.0.15", "OpenJDK 64-Bit Server VM", "17.11", "on", "on", "3.9.1", "8.19.21", "1.00 0.80 0.50", "2.00 1.50 0.90");

    private static BenchReport report(List<RebuildResult> rebuilds) {
        List<StepResult> baseline = List.of(step(1, 500, 2, 4), step(32, 4000, 8, 16));
        List<StepResult> baselineWithoutSync = List.of(step(1, 2000, 0.5, 1), step(32, 10000, 3, 6));
        List<StepResult> deposits = List.of(step(1, 100, 10, 20), step(32, 1000, 30, 80));
        LagResult lag = lag(120, 1100);
        PeerResult peer = new PeerResult(List.of(step(1, 80, 12, 25), step(32, 800, 35, 100)), step(16, 490, 14, 40), "-Xmx384m");
        HotAccountsResult hot = new HotAccountsResult(64, 8, 12, true, Map.of(200, 600L, 202, 300L, 409, 12L), 0,
                new LatencySummary(912, 50, 120, 180, 400, 60), null);
        List<TargetCheck> targets = Targets.check(new TargetFigures(baseline, deposits, List.of(step(1, 20, 50, 90)),
                step(16, 500, 12, 30), peer, lag, storeSizes(10, 11), rebuilds, memory(500, 600), hot));
        MachineDescription machine = MACHINE;
        return new BenchReport("2026-11-24-quick", "2026-11-24T03:00:00Z", "bench/run",
                new BenchReport.RunSettings(20_000, List.of(1, 32), 6, 2, false, "-Xmx384m", List.of("ledger"), 2), machine,
                baseline, baselineWithoutSync, deposits, List.of(step(1, 20, 50, 90)), 500, step(16, 500, 12, 30), lag,
                storeSizes(10, 11), new FillResult(1_000, 20_000, 38, 0, 0), rebuilds, memory(500, 600), null, targets, 250,
                null, null, peer, hot, null);
    }

    private static StepResult deposits(long operations, Map<String, Double> cpuSeconds) {
        return new StepResult("deposits", 32, operations, 0, 10, operations / 10.0,
                new LatencySummary(operations, 10, 15, 20, 30, 11), null, cpuSeconds);
    }

    private static BenchReport comparisonsOnly() {
        return comparisonsOnly(2);
    }

    /** Only the two comparisons ran: direct 1000/s then 1200/s, through the gateway 900/s then 960/s. */
    private static BenchReport comparisonsOnly(double warmupSeconds) {
        return comparisonsOnly(new GatewayComparison(32,
                List.of(deposits(10_000, Map.of("command-side", 20.0, "gateway", 0.0)),
                        deposits(12_000, Map.of("command-side", 24.0, "gateway", 0.0))),
                List.of(deposits(9_000, Map.of("command-side", 18.0, "gateway", 9.0)),
                        deposits(9_600, Map.of("command-side", 19.2, "gateway", 9.6)))), warmupSeconds);
    }

    private static BenchReport comparisonsOnly(GatewayComparison gateway) {
        return comparisonsOnly(gateway, 2);
    }

    private static BenchReport comparisonsOnly(GatewayComparison gateway, double warmupSeconds) {
        TracingCost tracing = new TracingCost(32, List.of(
                new TracingCost.Sampling(0, List.of(deposits(10_000, Map.of("command-side", 20.0, "Zipkin", 0.0)))),
                new TracingCost.Sampling(0.1, List.of(deposits(9_500, Map.of("command-side", 20.9, "Zipkin", 0.95)))),
                new TracingCost.Sampling(1.0, List.of(deposits(8_000, Map.of("command-side", 24.0, "Zipkin", 8.0))))));
        return new BenchReport("2026-12-06-gateway-tracing", "2026-12-06T20:00:00Z", "bench/run --steps gateway,tracing",
                new BenchReport.RunSettings(10_000, List.of(1, 8, 32, 64), 6, warmupSeconds, false, "-Xmx384m", List.of("gateway", "tracing"), 2),
                MACHINE, List.of(), List.of(), List.of(), List.of(), Double.NaN, null, LagResult.NOT_MEASURED, List.of(), null,
                List.of(), memory(500, 600), null, List.of(Targets.gateway(gateway)), 300, gateway, tracing, null, null, null);
    }

    @Test
    void showsLedgerlinesDepositsAsRatiosToThePlainAxonServiceAndToDurableCommits() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("## Against a plain Axon service (same deposits, same run)");
        // 1,000 against 800 deposits/s, p99 80 ms against 100 ms, 1,000 of 4,000 durable commits
        assertThat(markdown).contains("| 32 | 1,000 | 800 | **1.25** | 80 ms | 100 ms | **0.80** | 0.25 | 0 |");
        assertThat(markdown).contains("plain Axon p99 40 ms (490/s achieved, 0 errors): **Ledgerline / Axon p99 0.75**.");
    }

    @Test
    void countsTheHotAccountsAnswersByStatusAndSaysWhenThePhaseWasShortened() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("## Hot accounts: 64 clients on 8 accounts");
        assertThat(markdown).contains("for 12 s (shortened by the quick run: the target asks 60 s");
        assertThat(markdown).contains("| 200 | 600 |", "| 202 | 300 |", "| 409 | 12 |", "| no answer | 0 |");
        assertThat(markdown).contains("| 76 | 50 ms | 120 ms | 180 ms | 400 ms | 0 |");
    }

    @Test
    void listsEveryTargetWithItsVerdictAndExplainsTheVerdicts() {
        String markdown = MarkdownReport.render(report(List.of()));

        assertThat(markdown).contains("NOT MEASURED: this run did not measure it, for the reason given");
        assertThat(markdown).contains("| Deposits/s at 32 clients >= 1.0 x the plain Axon service's in the same run"
                + " | 1,000/s = 1.25 x 800/s of the peer | **MET** |");
        assertThat(markdown).contains("| 64 clients on 8 hot accounts for 60 s: 0 answers 5xx, p99 reported | 0 5xx, 0 without answer"
                + " of 912 answers (200 x 600, 202 x 300, 409 x 12); p99 180 ms; 12 s (shortened by the quick run; the target asks 60 s)"
                + " | **MET** |");
        assertThat(markdown).contains("| Rebuild into SQL >= 40,000 events/s | n/a | **NOT MEASURED** |");
    }

    @Test
    void givesTheStepsAndTheirWarmUpAsRun() {
        assertThat(MarkdownReport.render(comparisonsOnly())).contains("| steps | 6 s measured after 2 s warm-up, clients [1, 8, 32, 64] |");
        assertThat(MarkdownReport.render(comparisonsOnly(0.5))).contains("| steps | 6 s measured after 0.5 s warm-up,");
    }

    @Test
    void showsEachRoundOfTheGatewayComparisonAndTheRatioOverAllRounds() {
        String markdown = MarkdownReport.render(comparisonsOnly());

        assertThat(markdown).contains("## Deposits through the gateway against direct calls");
        assertThat(markdown).contains("| 1 | direct | 1,000 | 10 ms | 20 ms | 0 | 900 | 10 ms | 20 ms | 0 | 0.90 |");
        assertThat(markdown).contains("| 2 | gateway | 1,200 | 10 ms | 20 ms | 0 | 960 | 10 ms | 20 ms | 0 | 0.80 |");
        // 18,600 deposits in 20 s through the gateway against 22,000 direct
        assertThat(markdown).contains("| all | | **1,100** | | | | **930** | | | | **0.85** |");
        assertThat(markdown).contains("| round 2 | | **1,200** | | | | **960** | | | | **0.80** |");
        assertThat(markdown).contains("| Deposits through the gateway at 32 clients >= 85% of direct deposits in the same run"
                + " | 960/s = 80% of 1200/s direct in round 2 (all rounds: 85%) | **MISSED** |");
    }

    @Test
    void judgesTheGatewayOnTheRoundsAfterTheFirst() {
        GatewayComparison gateway = new GatewayComparison(32,
                List.of(deposits(6_000, Map.of()), deposits(10_000, Map.of()), deposits(10_000, Map.of())),
                List.of(deposits(10_000, Map.of()), deposits(8_000, Map.of()), deposits(8_000, Map.of())));

        String markdown = MarkdownReport.render(comparisonsOnly(gateway));

        assertThat(markdown).contains("| all | | **867** | | | | **867** | | | | **1.00** |");
        assertThat(markdown).contains("| rounds 2 to 3 | | **1,000** | | | | **800** | | | | **0.80** |");
        assertThat(markdown).contains("The target is judged on rounds 2 to 3");
        assertThat(markdown).contains(" | 800/s = 80% of 1000/s direct in rounds 2 to 3 (all rounds: 100%) | **MISSED** |");
    }

    @Test
    void showsTheCpuADepositCostsTheCommandSideAndTheGateway() {
        String markdown = MarkdownReport.render(comparisonsOnly());

        assertThat(markdown).contains("| direct | 2.00 | 0.00 |", "| through the gateway | 2.00 | 1.00 |");
    }

    @Test
    void setsEachSamplingAgainstTracingOff() {
        String markdown = MarkdownReport.render(comparisonsOnly());

        assertThat(markdown).contains("## Cost of tracing");
        assertThat(markdown).contains("| 0% | 1,000 | 1.00 | 2.00 | 1.00 | 0.00 |");
        assertThat(markdown).contains("| 10% | 950 | 0.95 | 2.20 | 1.10 | 0.10 |");
        assertThat(markdown).contains("| 100% | 800 | 0.80 | 3.00 | 1.50 | 1.00 |");
    }

    @Test
    void leavesOutTheSectionsOfPartsThatDidNotRun() {
        String comparisons = MarkdownReport.render(comparisonsOnly());
        String ledger = MarkdownReport.render(report(List.of()));

        assertThat(comparisons).doesNotContain("## Baseline", "**baseline**", "## Read-model rebuilds", "## End-to-end lag");
        assertThat(comparisons).contains("| parts of the benchmark | gateway, tracing (2 rounds of each comparison) |");
        assertThat(ledger).doesNotContain("## Deposits through the gateway", "## Cost of tracing");
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
        assertThat(markdown).contains("| Deposits/s at 32 clients >= 0.30 x durable raw commits/s at 32 clients"
                + " | 1,000/s = 0.25 x 4,000/s durable commits | **MISSED** |");
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
    /** Only the GraphQL step ran: at 8 clients 300 GraphQL views/s against 100 REST views/s. */
    private static BenchReport customerViewsOnly() {
        CustomerViewComparison views = new CustomerViewComparison(5, 10, new CustomerViewComparison.ViewShape(1, 9_000),
                new CustomerViewComparison.ViewShape(7, 12_000), List.of(new CustomerViewComparison.AtClients(8,
                new StepResult("GraphQL views", 8, 3_000, 0, 10, 300, new LatencySummary(3_000, 20, 40, 50, 60, 22), null,
                        Map.of(CustomerViewComparison.QUERY_SIDE, 6.0, CustomerViewComparison.POSTGRESQL, 3.0)),
                new StepResult("REST views", 8, 1_000, 0, 10, 100, new LatencySummary(1_000, 80, 150, 200, 220, 85), null,
                        Map.of(CustomerViewComparison.QUERY_SIDE, 5.0, CustomerViewComparison.POSTGRESQL, 2.0)))));
        return new BenchReport("2026-12-07-graphql", "2026-12-07T00:00:00Z", "bench/run --steps graphql",
                new BenchReport.RunSettings(10_000, List.of(1, 8, 32, 64), 6, 2, false, "-Xmx384m", List.of("graphql"), 2),
                MACHINE, List.of(), List.of(), List.of(), List.of(), Double.NaN, null, LagResult.NOT_MEASURED, List.of(), null,
                List.of(), memory(500, 600), null, List.of(), 60, null, null, null, null, views);
    }

    @Test
    void showsTheGraphQlViewAgainstTheRestCallsItReplacesWithTheirRatios() {
        String markdown = MarkdownReport.render(customerViewsOnly());

        assertThat(markdown).contains("## A customer view: one GraphQL query against the REST calls it replaces");
        assertThat(markdown).contains("| GraphQL | 1 | 9,000 |", "| REST | 7 | 12,000 |", "| GraphQL / REST | **0.14** | **0.75** |");
        // CPU per view: GraphQL 6 s / 3,000 = 2 ms and 1 ms; REST 5 s / 1,000 = 5 ms and 2 ms
        assertThat(markdown).contains("| 8 | GraphQL | 300 | 20 ms | 50 ms | 0 | 2.00 | 1.00 |",
                "| 8 | REST | 100 | 80 ms | 200 ms | 0 | 5.00 | 2.00 |",
                "| 8 | **GraphQL / REST** | **3.00** | **0.25** | **0.25** | | **0.40** | **0.50** |");
    }

    @Test
    void leavesTheCustomerViewSectionOutWhenTheStepDidNotRun() {
        assertThat(MarkdownReport.render(report(List.of()))).doesNotContain("GraphQL");
    }
}
