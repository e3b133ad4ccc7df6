package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.LedgerVerificationRate;

import java.util.ArrayList;
import java.util.List;

/** The performance targets of the benchmark issue (a durable deposit for one CPU-millisecond), checked against one run's figures. */
public final class Targets {

    /** The concurrency at which the issue compares rates and CPU per operation. */
    static final int AT_CLIENTS = 32;
    static final double CPU_MS_PER_DEPOSIT = 1.0;
    static final double DEPOSIT_RATIO_TO_DURABLE_COMMITS = 0.30;
    static final double DEPOSIT_RATIO_TO_PEER = 1.0;
    static final double P99_AT_HALF_MAXIMUM_MS = 50;
    static final double CPU_MS_PER_TRANSFER = 5.0;
    static final double TRANSFERS_PER_SECOND = 400;
    static final double SQL_LAG_P99_MS = 250;
    static final double SEARCH_LAG_P99_MS = 1200;
    static final double SQL_REBUILD_EVENTS_PER_SECOND = 40_000;
    static final double SEARCH_REBUILD_EVENTS_PER_SECOND = 20_000;
    static final double RSS_LIMIT_MB = 768;
    /** "Flat": p50 with the filled store at most this much above p50 with a near-empty one (the machine is noisy). */
    static final double LATENCY_GROWTH_ALLOWED = 1.25;
    static final double VERIFICATION_EVENTS_PER_SECOND = 50_000;
    static final double GATEWAY_RATIO = 0.85;

    /**
     * The processes of the ledger itself: what a deposit costs the system, the load generator excluded (it is the
     * users' cost, not the ledger's), and the peer excluded (it idles while Ledgerline is loaded).
     */
    static final List<String> LEDGER_PROCESSES = List.of("command-side", "query-side", "PostgreSQL", "Kafka", "Elasticsearch");
    private static final String NO_PEER = "not measured: the plain Axon peer did not run";

    public static final String SQL_PROJECTION = "ledgerline-query-sql";
    public static final List<String> SEARCH_PROJECTIONS = List.of("ledgerline-query-search-accounts",
            "ledgerline-query-search-transactions", "ledgerline-query-search-audit");

    private Targets() {
    }

    /** The target table, in its order, one check per figure. */
    public static List<TargetCheck> check(TargetFigures figures) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(cpuPerOperation("CPU per deposit at 32 clients, ledger processes (services, PostgreSQL, Kafka, "
                + "Elasticsearch; load generator excluded) <= 1.0 ms", figures.deposits(), CPU_MS_PER_DEPOSIT));
        double deposits = Ratios.rateAt(figures.deposits(), AT_CLIENTS);
        double commits = Ratios.rateAt(figures.baseline(), AT_CLIENTS);
        double toCommits = Ratios.of(deposits, commits);
        checks.add(TargetCheck.atLeast("Deposits/s at 32 clients >= 0.30 x durable raw commits/s at 32 clients", toCommits,
                DEPOSIT_RATIO_TO_DURABLE_COMMITS, String.format("%s = %s x %s durable commits", Format.number(deposits) + "/s",
                        Format.ratio(toCommits), Format.number(commits) + "/s")));
        checks.add(depositsAgainstPeer(deposits, figures.peer()));
        StepResult atHalf = figures.atHalfMaximum();
        double p99 = atHalf == null ? Double.NaN : atHalf.latency().p99Ms();
        checks.add(TargetCheck.atMost("p99 deposit latency at half the maximum rate <= 50 ms", p99, P99_AT_HALF_MAXIMUM_MS,
                Format.millis(p99) + (atHalf == null ? "" : String.format(" at %.0f deposits/s", atHalf.perSecond()))));
        checks.add(p99AgainstPeer(atHalf, figures.peer()));
        checks.add(cpuPerOperation("CPU per transfer (request to COMPLETED) at 32 clients, ledger processes <= 5 ms",
                figures.transfers(), CPU_MS_PER_TRANSFER));
        double transfers = Ratios.rateAt(figures.transfers(), AT_CLIENTS);
        checks.add(TargetCheck.atLeast("Transfers/s at 32 clients >= 400", transfers, TRANSFERS_PER_SECOND,
                Format.rate(transfers, "transfers/s")));
        LagResult lag = figures.lag();
        checks.add(TargetCheck.atMost("Lag to the SQL read model p99 <= 250 ms", lag.toSql().p99Ms(), SQL_LAG_P99_MS,
                Format.millis(lag.toSql().p99Ms()) + " (p50 " + Format.millis(lag.toSql().p50Ms()) + ")"));
        checks.add(TargetCheck.atMost("Lag to Elasticsearch p99 <= 1.2 s", lag.toSearch().p99Ms(), SEARCH_LAG_P99_MS,
                Format.millis(lag.toSearch().p99Ms()) + " (p50 " + Format.millis(lag.toSearch().p50Ms()) + ")"));
        List<RebuildResult> rebuilds = figures.rebuilds();
        double sqlRebuild = rebuilds.stream().filter(r -> r.projection().equals(SQL_PROJECTION) && r.measured())
                .mapToDouble(RebuildResult::eventsPerSecond).findFirst().orElse(Double.NaN);
        checks.add(TargetCheck.atLeast("Rebuild into SQL >= 40,000 events/s", sqlRebuild, SQL_REBUILD_EVENTS_PER_SECOND,
                Format.rate(sqlRebuild, "events/s")));
        double searchRebuild = slowestSearchRebuild(rebuilds);
        checks.add(TargetCheck.atLeast("Rebuild into Elasticsearch >= 20,000 events/s (slowest index)", searchRebuild,
                SEARCH_REBUILD_EVENTS_PER_SECOND, Format.rate(searchRebuild, "events/s")));
        checks.add(hotAccounts(figures.hotAccounts()));
        for (ServiceMemory service : figures.memory()) {
            checks.add(TargetCheck.atMost(service.service() + " peak RSS under load <= 768 MB", service.peakRssMegabytes(),
                    RSS_LIMIT_MB, String.format("%.0f MB", service.peakRssMegabytes())));
        }
        checks.add(latencyGrowth(figures.storeSizeProbe()));
        return checks;
    }

    /** CPU of the ledger's own processes per operation in the 32-client step's measured window. */
    static TargetCheck cpuPerOperation(String target, List<StepResult> steps, double thresholdMs) {
        StepResult step = Ratios.atClients(steps, AT_CLIENTS).orElse(null);
        if (step == null || step.operations() == 0 || !step.cpuSeconds().containsKey("command-side")) {
            return new TargetCheck(target, "not measured: no 32-client step with CPU accounting", TargetCheck.Verdict.NOT_MEASURED);
        }
        double millis = 0;
        StringBuilder parts = new StringBuilder();
        for (String part : LEDGER_PROCESSES) {
            double partMillis = step.cpuSeconds().getOrDefault(part, 0.0) * 1000 / step.operations();
            millis += partMillis;
            parts.append(parts.isEmpty() ? "" : ", ").append(part).append(String.format(" %.2f", partMillis));
        }
        return TargetCheck.atMost(target, millis, thresholdMs, String.format("%.2f ms (%s)", millis, parts));
    }

    static TargetCheck depositsAgainstPeer(double deposits, PeerResult peer) {
        String target = "Deposits/s at 32 clients >= 1.0 x the plain Axon service's in the same run";
        double peerRate = peer == null ? Double.NaN : Ratios.rateAt(peer.deposits(), AT_CLIENTS);
        if (Double.isNaN(peerRate)) {
            return new TargetCheck(target, NO_PEER, TargetCheck.Verdict.NOT_MEASURED);
        }
        double ratio = Ratios.of(deposits, peerRate);
        return TargetCheck.atLeast(target, ratio, DEPOSIT_RATIO_TO_PEER, String.format("%s = %s x %s of the peer",
                Format.number(deposits) + "/s", Format.ratio(ratio), Format.number(peerRate) + "/s"));
    }

    /** Both paced at Ledgerline's half-maximum rate: the same offered load, so the same queueing would show alike. */
    static TargetCheck p99AgainstPeer(StepResult ledger, PeerResult peer) {
        String target = "p99 deposit latency at half the maximum rate not worse than the plain Axon service's at the same rate";
        if (peer == null || peer.atHalfMaximum() == null) {
            return new TargetCheck(target, NO_PEER, TargetCheck.Verdict.NOT_MEASURED);
        }
        double ledgerP99 = ledger == null ? Double.NaN : ledger.latency().p99Ms();
        double peerP99 = peer.atHalfMaximum().latency().p99Ms();
        double ratio = Ratios.of(ledgerP99, peerP99);
        return TargetCheck.atMost(target, ratio, 1.0, String.format("%s against %s at %.0f/s offered = %s x the peer",
                Format.millis(ledgerP99), Format.millis(peerP99), ledger == null ? Double.NaN : ledger.perSecond(),
                Format.ratio(ratio)));
    }

    /** Refusals (409, 422) are answers; a 5xx, or a request left without any answer, misses the target. */
    static TargetCheck hotAccounts(HotAccountsResult hot) {
        String target = "64 clients on 8 hot accounts for 60 s: 0 answers 5xx, p99 reported";
        if (hot == null) {
            return new TargetCheck(target, "not measured: the hot-accounts phase did not run", TargetCheck.Verdict.NOT_MEASURED);
        }
        if (hot.answers() == 0) {
            return new TargetCheck(target, "not measured: no request was answered (" + hot.unanswered() + " without answer)",
                    TargetCheck.Verdict.NOT_MEASURED);
        }
        StringBuilder statuses = new StringBuilder();
        hot.answersByStatus().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(answer ->
                statuses.append(statuses.isEmpty() ? "" : ", ").append(answer.getKey()).append(String.format(" x %,d", answer.getValue())));
        String shown = String.format("%,d 5xx, %,d without answer of %,d answers (%s); p99 %s; %.0f s%s", hot.serverErrors(),
                hot.unanswered(), hot.answers(), statuses, Format.millis(hot.latency().p99Ms()), hot.seconds(),
                hot.shortened() ? " (shortened by the quick run; the target asks 60 s)" : "");
        return new TargetCheck(target, shown, hot.serverErrors() == 0 && hot.unanswered() == 0
                ? TargetCheck.Verdict.MET : TargetCheck.Verdict.MISSED);
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
        String target = "Deposits through the gateway at " + AT_CLIENTS + " clients >= 85% of direct deposits in the same run";
        if (comparison == null) {
            return new TargetCheck(target, "not measured: the gateway comparison did not run", TargetCheck.Verdict.NOT_MEASURED);
        }
        String measured = String.format("%.0f/s = %s of %.0f/s direct", comparison.settledGatewayRate(),
                Format.percent(comparison.settledRatio()), comparison.settledDirectRate());
        if (comparison.settledFromRound() > 1) {
            measured += String.format(" in %s (all rounds: %s)", comparison.settledRounds(), Format.percent(comparison.ratio()));
        }
        return TargetCheck.atLeast(target, comparison.settledRatio(), GATEWAY_RATIO, measured);
    }

    static double slowestSearchRebuild(List<RebuildResult> rebuilds) {
        List<RebuildResult> search = rebuilds.stream().filter(r -> SEARCH_PROJECTIONS.contains(r.projection())).toList();
        if (search.isEmpty() || !search.stream().allMatch(RebuildResult::measured)) {
            return Double.NaN;
        }
        return search.stream().mapToDouble(RebuildResult::eventsPerSecond).min().orElse(Double.NaN);
    }

    private static TargetCheck latencyGrowth(List<BenchReport.StoreSizeProbe> probes) {
        String target = "Deposit latency from a near-empty to the filled event store flat (p50 at most +25%)";
        if (probes.size() < 2) {
            return new TargetCheck(target, "not measured: the store was not probed at two sizes", TargetCheck.Verdict.NOT_MEASURED);
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
