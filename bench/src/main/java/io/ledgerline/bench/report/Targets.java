package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.LedgerVerificationRate;

import java.util.ArrayList;
import java.util.List;

/** The performance targets of the benchmark issue, checked against one run's figures. */
public final class Targets {

    static final int DEPOSIT_RATIO_CLIENTS = 32;
    static final double DEPOSIT_RATIO = 0.5;
    static final double P99_AT_HALF_MAXIMUM_MS = 25;
    static final double SQL_LAG_P99_MS = 300;
    static final double SEARCH_LAG_P99_MS = 1500;
    static final double SQL_REBUILD_EVENTS_PER_SECOND = 30_000;
    static final double SEARCH_REBUILD_EVENTS_PER_SECOND = 10_000;
    static final double RSS_LIMIT_MB = 768;
    /** "Does not grow": p50 with the filled store at most this much above p50 with a near-empty one (the machine is noisy). */
    static final double LATENCY_GROWTH_ALLOWED = 1.25;
    static final double VERIFICATION_EVENTS_PER_SECOND = 50_000;
    static final double GATEWAY_RATIO = 0.85;

    public static final String SQL_PROJECTION = "ledgerline-query-sql";
    public static final List<String> SEARCH_PROJECTIONS = List.of("ledgerline-query-search-accounts",
            "ledgerline-query-search-transactions", "ledgerline-query-search-audit");

    private Targets() {
    }

    public static List<TargetCheck> check(List<StepResult> baseline, List<StepResult> deposits, StepResult atHalfMaximum,
                                          LagResult lag, List<BenchReport.StoreSizeProbe> storeSizeProbe,
                                          List<RebuildResult> rebuilds, List<ServiceMemory> memory) {
        List<TargetCheck> checks = new ArrayList<>();
        double depositRatio = Ratios.of(Ratios.rateAt(deposits, DEPOSIT_RATIO_CLIENTS), Ratios.rateAt(baseline, DEPOSIT_RATIO_CLIENTS));
        checks.add(TargetCheck.atLeast("Deposits over HTTP at 32 clients >= 50% of the raw commit rate at 32 clients",
                depositRatio, DEPOSIT_RATIO, String.format("%.0f/s = %s of %.0f/s",
                        Ratios.rateAt(deposits, DEPOSIT_RATIO_CLIENTS), Format.percent(depositRatio),
                        Ratios.rateAt(baseline, DEPOSIT_RATIO_CLIENTS))));
        double p99 = atHalfMaximum == null ? Double.NaN : atHalfMaximum.latency().p99Ms();
        checks.add(TargetCheck.atMost("p99 deposit latency at half the maximum throughput <= 25 ms", p99,
                P99_AT_HALF_MAXIMUM_MS, Format.millis(p99) + (atHalfMaximum == null ? ""
                        : String.format(" at %.0f deposits/s", atHalfMaximum.perSecond()))));
        checks.add(TargetCheck.atMost("Lag to the SQL read model p99 <= 300 ms", lag.toSql().p99Ms(), SQL_LAG_P99_MS,
                Format.millis(lag.toSql().p99Ms()) + " (p50 " + Format.millis(lag.toSql().p50Ms()) + ")"));
        checks.add(TargetCheck.atMost("Lag to Elasticsearch p99 <= 1.5 s", lag.toSearch().p99Ms(), SEARCH_LAG_P99_MS,
                Format.millis(lag.toSearch().p99Ms()) + " (p50 " + Format.millis(lag.toSearch().p50Ms()) + ")"));
        double sqlRebuild = rebuilds.stream().filter(r -> r.projection().equals(SQL_PROJECTION) && r.measured())
                .mapToDouble(RebuildResult::eventsPerSecond).findFirst().orElse(Double.NaN);
        checks.add(TargetCheck.atLeast("Rebuild into SQL >= 30,000 events/s", sqlRebuild, SQL_REBUILD_EVENTS_PER_SECOND,
                Format.rate(sqlRebuild, "events/s")));
        double searchRebuild = slowestSearchRebuild(rebuilds);
        checks.add(TargetCheck.atLeast("Rebuild into Elasticsearch >= 10,000 events/s (slowest index)", searchRebuild,
                SEARCH_REBUILD_EVENTS_PER_SECOND, Format.rate(searchRebuild, "events/s")));
        for (ServiceMemory service : memory) {
            checks.add(TargetCheck.atMost(service.service() + " peak RSS under load < 768 MB", service.peakRssMegabytes(),
                    RSS_LIMIT_MB - 0.001, String.format("%.0f MB", service.peakRssMegabytes())));
        }
        checks.add(latencyGrowth(storeSizeProbe));
        return checks;
    }

    /** Verification of the whole store: counted only when it found the store intact, as a sound ledger is. */
    public static TargetCheck verification(LedgerVerificationRate.Result result) {
        String target = "Verification of the event store (chains and checkpoints) >= 50,000 events/s";
        if (result == null || !result.intact()) {
            return new TargetCheck(target, result == null ? "not measured" : "the store did not verify intact",
                    TargetCheck.Verdict.NOT_MEASURED);
        }
        return TargetCheck.atLeast(target, result.eventsPerSecond(), VERIFICATION_EVENTS_PER_SECOND,
                String.format("%s over %,d events and %,d checkpoints (%.0f %% of a plain scan of the rows, %s)",
                        Format.rate(result.eventsPerSecond(), "events/s"), result.events(), result.checkpoints(),
                        100 * result.shareOfScan(), Format.rate(result.scan().eventsPerSecond(), "rows/s")));
    }

    /** Deposits through the gateway against direct ones at the same concurrency, both measured in the same rounds. */
    public static TargetCheck gateway(GatewayComparison comparison) {
        String target = "Deposits through the gateway at " + DEPOSIT_RATIO_CLIENTS + " clients >= 85% of direct deposits in the same run";
        if (comparison == null) {
            return new TargetCheck(target, "not measured", TargetCheck.Verdict.NOT_MEASURED);
        }
        return TargetCheck.atLeast(target, comparison.ratio(), GATEWAY_RATIO, String.format("%.0f/s = %s of %.0f/s direct",
                comparison.gatewayRate(), Format.percent(comparison.ratio()), comparison.directRate()));
    }

    static double slowestSearchRebuild(List<RebuildResult> rebuilds) {
        List<RebuildResult> search = rebuilds.stream().filter(r -> SEARCH_PROJECTIONS.contains(r.projection())).toList();
        if (search.isEmpty() || !search.stream().allMatch(RebuildResult::measured)) {
            return Double.NaN;
        }
        return search.stream().mapToDouble(RebuildResult::eventsPerSecond).min().orElse(Double.NaN);
    }

    private static TargetCheck latencyGrowth(List<BenchReport.StoreSizeProbe> probes) {
        String target = "Deposit latency does not grow with the event store (p50 at most +25%)";
        if (probes.size() < 2) {
            return new TargetCheck(target, "not measured", TargetCheck.Verdict.NOT_MEASURED);
        }
        BenchReport.StoreSizeProbe first = probes.get(0);
        BenchReport.StoreSizeProbe last = probes.get(probes.size() - 1);
        double growth = Ratios.of(last.deposits().latency().p50Ms(), first.deposits().latency().p50Ms());
        String shown = String.format("p50 %s -> %s (x%.2f), p99 %s -> %s, at %,d -> %,d events",
                Format.millis(first.deposits().latency().p50Ms()), Format.millis(last.deposits().latency().p50Ms()), growth,
                Format.millis(first.deposits().latency().p99Ms()), Format.millis(last.deposits().latency().p99Ms()),
                first.storedEvents(), last.storedEvents());
        return TargetCheck.atMost(target, growth, LATENCY_GROWTH_ALLOWED, shown);
    }
}
