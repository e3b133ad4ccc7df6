package io.ledgerline.bench;

import io.ledgerline.bench.baseline.CommitRateBaseline;
import io.ledgerline.bench.hotaccounts.HotAccountsLoad;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagProbes;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.ledger.BenchAccounts;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.ledger.LedgerOperations;
import io.ledgerline.bench.load.ClosedLoopLoad;
import io.ledgerline.bench.load.Operation;
import io.ledgerline.bench.load.PacedLoad;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.CpuWindow;
import io.ledgerline.bench.peer.PeerAxon;
import io.ledgerline.bench.peer.PeerClient;
import io.ledgerline.bench.peer.PeerOperations;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.rebuild.RebuildRun;
import io.ledgerline.bench.report.BenchReport;
import io.ledgerline.bench.report.Ratios;
import io.ledgerline.bench.report.Targets;
import io.ledgerline.bench.store.DepositBulkLoad;
import io.ledgerline.bench.store.EventStoreFill;
import io.ledgerline.bench.store.EventStoreSize;
import io.ledgerline.bench.store.FillResult;
import io.ledgerline.bench.store.LedgerVerificationRate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The phases of one run against a started system, in an order where each phase leaves the next
 * one a known state: the baseline while the services idle, deposits and transfers on accounts the
 * run opened, the store filled up to the requested size, and rebuilds over a caught-up stream.
 */
final class BenchRun {

    /** Load accounts per client: enough to rotate over, and two or more for transfers among them. */
    private static final int ACCOUNTS_PER_CLIENT = 4;
    private static final int PROBE_ACCOUNTS = 8;
    private static final int FILL_CLIENTS = 64;
    /** The latency-versus-size check runs at a fixed, moderate concurrency, the same both times. */
    private static final int STORE_SIZE_PROBE_CLIENTS = 8;
    private static final int PACED_WORKERS = 16;
    /** Two steps give the lag probes alongside a few hundred samples in the quick run, thousands in a long one. */
    private static final int PACED_STEPS = 2;
    /**
     * Clients making the one deposit per account after a direct append. Each reads thousands of
     * events, holding a database connection meanwhile; 64 at once queued the rest for connections
     * beyond the pool's timeout.
     */
    private static final int SNAPSHOT_CLIENTS = 4;
    /** Warm-up deposit steps before the measurements, followed by one step of transfers. */
    private static final int WARMUP_DEPOSIT_STEPS = 3;
    private static final String NO_REBUILD_API = "the query side has no rebuild API (not in its OpenAPI description)";
    /**
     * Between load phases the backlog gets this long to drain: long enough for a projection that keeps
     * up, bounded so that one that does not cannot stall the quick run (its lag shows in the report).
     */
    private static final Duration BETWEEN_STEPS_WAIT = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Progress progress;
    private final LedgerClient ledger;
    private final CommitRateBaseline baseline;
    private final EventStoreSize storeSize;
    private final DepositBulkLoad bulkLoad;
    private final CpuAccounting cpu;
    private final LedgerVerificationRate verificationRate;
    private final Supplier<String> checkpointPublicKey;
    private final PeerAxon peer;

    /** @param peer the plain Axon service, started (not necessarily ready yet), loaded alike after each ledger step */
    BenchRun(BenchOptions options, Progress progress, LedgerClient ledger, CommitRateBaseline baseline,
             EventStoreSize storeSize, DepositBulkLoad bulkLoad, CpuAccounting cpu,
             LedgerVerificationRate verificationRate, Supplier<String> checkpointPublicKey, PeerAxon peer) {
        this.peer = peer;
        this.cpu = cpu;
        this.verificationRate = verificationRate;
        this.checkpointPublicKey = checkpointPublicKey;
        this.options = options;
        this.progress = progress;
        this.ledger = ledger;
        this.baseline = baseline;
        this.storeSize = storeSize;
        this.bulkLoad = bulkLoad;
    }

    /** What the phases measured; the report adds the machine, memory and profile, known only later. */
    record Measurements(List<StepResult> baseline, List<StepResult> baselineWithoutSync, List<StepResult> deposits, List<StepResult> transfers,
                        double halfMaximumRate, StepResult atHalfMaximum, LagResult lag,
                        List<BenchReport.StoreSizeProbe> storeSizeProbe, FillResult fill, List<RebuildResult> rebuilds,
                        LedgerVerificationRate.Result verification, PeerResult peer, HotAccountsResult hotAccounts) {

        /** A run that left the ledger phases out (--steps without "ledger"). */
        static Measurements notMeasured() {
            return new Measurements(List.of(), List.of(), List.of(), List.of(), Double.NaN, null, LagResult.NOT_MEASURED,
                    List.of(), null, List.of(), null, null, null);
        }
    }

    Measurements run(String runId) throws Exception {
        int slots = Math.max(options.maxClients(), Math.max(FILL_CLIENTS, PACED_WORKERS));
        BenchAccounts accounts = BenchAccounts.open(ledger, runId, slots, ACCOUNTS_PER_CLIENT, PROBE_ACCOUNTS, progress);
        LedgerOperations operations = new LedgerOperations(ledger, accounts);

        // the services run with the optimizing compiler, as in production: it needs some load on every
        // path before their code is compiled, and compiles on the same two cores it is measured on
        progress.accept("Warming up the services: deposits, then transfers, 8 clients, "
                + Progress.seconds(options.warmupOfSteps(WARMUP_DEPOSIT_STEPS + 1)));
        ClosedLoopLoad.run("warmup", 8, Duration.ZERO, options.warmupOfSteps(WARMUP_DEPOSIT_STEPS), operations::deposit);
        ClosedLoopLoad.run("warmup", 8, Duration.ZERO, options.warmupOfSteps(1), operations::transfer);
        PeerClient peerClient = new PeerClient(peer.baseUri());
        PeerOperations peerOperations = warmedUpPeer(peerClient, runId, slots);
        awaitProjectionsCaughtUp("the measurements", BETWEEN_STEPS_WAIT);
        List<BenchReport.StoreSizeProbe> storeSizeProbe = new ArrayList<>();
        storeSizeProbe.add(storeSizeProbe(operations));

        baseline.prepare();
        List<StepResult> baselineSteps = new ArrayList<>();
        List<StepResult> withoutSyncSteps = new ArrayList<>();
        List<StepResult> deposits = new ArrayList<>();
        List<StepResult> peerDeposits = new ArrayList<>();
        for (int clients : options.clients()) {
            // each pair runs back to back, so that both see the same background load on the machine
            CpuWindow baselineCpu = new CpuWindow(cpu);
            StepResult base = baseline.measure(clients, CommitRateBaseline.SynchronousCommit.ON, baselineWarmup(),
                    baselineStep(), baselineCpu).withCpuSeconds(baselineCpu.seconds());
            report("baseline commits", "commits/s", base, null);
            baselineSteps.add(base);
            CpuWindow withoutSyncCpu = new CpuWindow(cpu);
            StepResult withoutSync = baseline.measure(clients, CommitRateBaseline.SynchronousCommit.OFF, baselineWarmup(),
                    baselineStep(), withoutSyncCpu).withCpuSeconds(withoutSyncCpu.seconds());
            report("baseline commits, synchronous_commit=off", "commits/s", withoutSync, base);
            withoutSyncSteps.add(withoutSync);
            StepResult step = measured("deposits", clients, operations::deposit);
            report("deposits", "deposits/s", step, base);
            deposits.add(step);
            // right after Ledgerline's step, so that both meet the same machine
            StepResult peerStep = measured("plain Axon deposits", clients, peerOperations::deposit);
            report("plain Axon peer deposits", "deposits/s", peerStep, base);
            progress.accept(String.format("    Ledgerline / plain Axon at %d clients: rate x%.2f, p99 x%.2f", clients,
                    Ratios.of(step.perSecond(), peerStep.perSecond()), Ratios.of(step.latency().p99Ms(), peerStep.latency().p99Ms())));
            peerDeposits.add(peerStep);
        }
        double halfMaximum = Ratios.highestRate(deposits) / 2;
        awaitProjectionsCaughtUp("the half-maximum step", BETWEEN_STEPS_WAIT);
        Duration pacedDuration = options.step().multipliedBy(PACED_STEPS);
        progress.accept(String.format("Deposits paced at %.0f/s (half the maximum) for %d s, lag probes alongside",
                halfMaximum, pacedDuration.toSeconds()));
        CompletableFuture<LagResult> lagProbes = CompletableFuture.supplyAsync(
                () -> new LagProbes(ledger).measure(accounts.probes(), pacedDuration));
        StepResult atHalfMaximum = PacedLoad.run("paced", PACED_WORKERS, halfMaximum, pacedDuration, operations::deposit);
        LagResult lag = lagProbes.get();
        progress.accept(String.format("  paced: %.0f/s achieved, p50 %.1f ms, p99 %.1f ms; lag to SQL p50 %.0f ms p99 %.0f ms"
                        + " (%d samples), to Elasticsearch p50 %.0f ms p99 %.0f ms (%d samples)", atHalfMaximum.perSecond(),
                atHalfMaximum.latency().p50Ms(), atHalfMaximum.latency().p99Ms(), lag.toSql().p50Ms(), lag.toSql().p99Ms(),
                lag.toSql().count(), lag.toSearch().p50Ms(), lag.toSearch().p99Ms(), lag.toSearch().count()));
        progress.accept(String.format("Plain Axon peer deposits paced at Ledgerline's %.0f/s for %d s", halfMaximum,
                pacedDuration.toSeconds()));
        StepResult peerAtHalfMaximum = PacedLoad.run("plain Axon paced", PACED_WORKERS, halfMaximum, pacedDuration,
                peerOperations::deposit);
        progress.accept(String.format("  plain Axon paced: %.0f/s achieved, p50 %.1f ms, p99 %.1f ms, %d errors",
                peerAtHalfMaximum.perSecond(), peerAtHalfMaximum.latency().p50Ms(), peerAtHalfMaximum.latency().p99Ms(),
                peerAtHalfMaximum.errors()));
        peerClient.close();
        PeerResult peerResult = new PeerResult(peerDeposits, peerAtHalfMaximum, ServiceJvm.options(ServiceJvm.pid(peer.pid())));

        FillResult fill = new EventStoreFill(storeSize, bulkLoad, progress).fillTo(options.events(), FILL_CLIENTS, operations::deposit);
        if (fill.appendedDirectly() > 0) {
            // through the API, an account takes a snapshot every 100 events; the events appended
            // directly took none, so the first command on each account would read thousands of them
            progress.accept("One deposit on each of the " + accounts.count() + " accounts, so that each takes its snapshot");
            operations.depositOnEveryAccount(slots, SNAPSHOT_CLIENTS);
        }
        // measured as the first probe was: with the projections caught up, not next to their backlog
        awaitProjectionsCaughtUp("the deposit latency check on the grown store", backlogWait());
        storeSizeProbe.add(storeSizeProbe(operations));
        // the whole store, against its chains and the checkpoints the command side wrote meanwhile
        LedgerVerificationRate.Result verification = verificationRate.measure(checkpointPublicKey.get());

        // transfers come last: their saga traffic, and any event a projection parks on the way, would weigh on later phases
        awaitProjectionsCaughtUp("the transfers", backlogWait());
        List<StepResult> transfers = sweep("transfers", "transfers/s", operations::transfer, baselineSteps);
        HotAccountsResult hotAccounts = hotAccounts(runId);

        List<RebuildResult> rebuilds = rebuildAll();
        return new Measurements(baselineSteps, withoutSyncSteps, deposits, transfers, halfMaximum, atHalfMaximum, lag, storeSizeProbe, fill,
                rebuilds, verification, peerResult, hotAccounts);
    }

    /**
     * The peer gets what the ledger got before its measurements: accounts for every client slot, then deposits by
     * 8 clients for as long as the ledger's deposit warm-up, so that its code is compiled by the same compiler.
     */
    private PeerOperations warmedUpPeer(PeerClient peerClient, String runId, int slots) throws Exception {
        peer.awaitReady(progress);
        progress.accept("Opening " + slots * ACCOUNTS_PER_CLIENT + " accounts on the plain Axon peer and warming it up, 8 clients, "
                + Progress.seconds(options.warmupOfSteps(WARMUP_DEPOSIT_STEPS)));
        PeerOperations peerOperations = PeerOperations.open(peerClient, runId, slots, ACCOUNTS_PER_CLIENT);
        ClosedLoopLoad.run("peer-warmup", 8, Duration.ZERO, options.warmupOfSteps(WARMUP_DEPOSIT_STEPS), peerOperations::deposit);
        return peerOperations;
    }

    /**
     * 64 clients on 8 accounts: every command queues for one of a few aggregates. The issue asks a minute; the quick
     * run (the default store size) gives it two steps' time, and the report says so.
     */
    private HotAccountsResult hotAccounts(String runId) {
        Duration duration = options.events() == BenchOptions.DEFAULT_EVENTS
                ? options.step().multipliedBy(2) : HotAccountsLoad.TARGET_DURATION;
        awaitProjectionsCaughtUp("the hot accounts", BETWEEN_STEPS_WAIT);
        BenchAccounts hot = BenchAccounts.open(ledger, runId + "-hot", 1, HotAccountsLoad.ACCOUNTS, 0, progress);
        progress.accept("Hot accounts: " + HotAccountsLoad.CLIENTS + " clients on " + HotAccountsLoad.ACCOUNTS
                + " accounts, deposits, withdrawals and transfers in turn, " + duration.toSeconds() + " s");
        HotAccountsResult result = HotAccountsLoad.run(ledger, hot.ofClient(0), duration);
        progress.accept(String.format("  hot accounts: %,d answers %s, %,d 5xx, %,d without answer, p50 %.1f ms, p99 %.1f ms%s",
                result.answers(), result.answersByStatus(), result.serverErrors(), result.unanswered(), result.latency().p50Ms(),
                result.latency().p99Ms(), result.firstFailure() == null ? "" : " (first failure: " + result.firstFailure() + ")"));
        return result;
    }

    private List<StepResult> sweep(String what, String unit, IntFunction<Operation> operation,
                                   List<StepResult> baselineSteps) {
        List<StepResult> steps = new ArrayList<>();
        for (int clients : options.clients()) {
            StepResult step = measured(what, clients, operation);
            report(what, unit, step, Ratios.atClients(baselineSteps, clients).orElse(null));
            steps.add(step);
        }
        return steps;
    }

    /**
     * Raw commits settle within a second and come by the thousand each second: half a step measures them as well as a
     * whole one, and the eight baseline steps take the quick run a minute less.
     */
    private Duration baselineStep() {
        return options.step().dividedBy(2);
    }

    private Duration baselineWarmup() {
        return options.warmup().dividedBy(2);
    }

    private StepResult measured(String what, int clients, IntFunction<Operation> operation) {
        CpuWindow window = new CpuWindow(cpu);
        StepResult step = ClosedLoopLoad.run(what, clients, options.warmup(), options.step(), operation, window);
        return step.withCpuSeconds(window.seconds());
    }

    private BenchReport.StoreSizeProbe storeSizeProbe(LedgerOperations operations) {
        long events = storeSize.events();
        StepResult step = ClosedLoopLoad.run("store-size", STORE_SIZE_PROBE_CLIENTS, options.warmup(), options.step(),
                operations::deposit);
        progress.accept(String.format("Deposit latency with %,d stored events: p50 %.1f ms, p99 %.1f ms (%d clients, %.0f/s)",
                events, step.latency().p50Ms(), step.latency().p99Ms(), step.clients(), step.perSecond()));
        return new BenchReport.StoreSizeProbe(events, step);
    }

    /** Long enough for the projections to work off a freshly filled store at 100 events/s. */
    private Duration backlogWait() {
        return Duration.ofSeconds(120 + storeSize.events() / 100);
    }

    private void awaitProjectionsCaughtUp(String before, Duration atMost) {
        new ProjectionsCatchUp(ledger, storeSize, progress).await(before, atMost);
    }

    /** SQL first, then each search index: one at a time, so each figure is that projection's alone. */
    private List<RebuildResult> rebuildAll() {
        if (!ledger.hasRebuildApi()) {
            progress.accept("The query side has no rebuild API: rebuilds not available");
            List<RebuildResult> unavailable = new ArrayList<>();
            unavailable.add(RebuildResult.notAvailable(Targets.SQL_PROJECTION, NO_REBUILD_API));
            Targets.SEARCH_PROJECTIONS.forEach(projection -> unavailable.add(RebuildResult.notAvailable(projection, NO_REBUILD_API)));
            return unavailable;
        }
        // a rebuild next to a live backlog would measure the two together
        awaitProjectionsCaughtUp("the rebuilds", backlogWait());
        long stored = storeSize.events();
        RebuildRun rebuild = new RebuildRun(ledger, progress);
        List<RebuildResult> results = new ArrayList<>();
        RebuildResult sql = rebuild.rebuild(Targets.SQL_PROJECTION, stored);
        results.add(sql);
        for (String projection : Targets.SEARCH_PROJECTIONS) {
            results.add(rebuild.rebuild(projection, stored));
        }
        return results;
    }

    private void report(String what, String unit, StepResult step, StepResult base) {
        String ratio = base == null ? "" : String.format(" = %.2f x baseline", step.perSecond() / base.perSecond());
        progress.accept(String.format("  %s, %d clients: %.0f %s%s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors%s",
                what, step.clients(), step.perSecond(), unit, ratio, step.latency().p50Ms(), step.latency().p95Ms(),
                step.latency().p99Ms(), step.errors(), step.firstError() == null ? "" : " (first: " + step.firstError() + ")"));
    }
}
