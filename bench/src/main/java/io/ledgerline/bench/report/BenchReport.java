package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.CustomerViewComparison;
import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.HotMethods;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.FillResult;

import java.util.List;

/**
 * Everything one run measured. Each list of steps is ordered by client count; the baseline was
 * measured at the same counts in the same run.
 *
 * @param baseline            raw commits with synchronous_commit on, as the services run: every ratio is to these
 * @param baselineWithoutSync the same commits with synchronous_commit off in their sessions: what skipping the
 *                            WAL flush per commit would buy, not durable, shown for comparison only
 * @param halfMaximumRate deposits per second of the paced step: half the highest closed-loop rate
 * @param storeSizeProbe  deposits at a fixed concurrency with a near-empty store and after the fill
 * @param profile         the command side's JFR profile, or null when the run was not profiled
 * @param gateway         deposits through the gateway against direct ones, or null when that step did not run
 * @param tracing         deposits at three trace sampling probabilities, or null when that step did not run
 * @param peer            the plain Axon peer under the same deposit load, or null when the ledger phases did not run
 * @param hotAccounts     64 clients on 8 accounts, or null when the ledger phases did not run
 * @param graphql         a customer view in one GraphQL POST against the REST calls it replaces, or null when that step did not run
 */
public record BenchReport(String name, String startedAt, String command, RunSettings settings,
                          MachineDescription machine, List<StepResult> baseline,
                          List<StepResult> baselineWithoutSync, List<StepResult> deposits,
                          List<StepResult> transfers, double halfMaximumRate, StepResult depositsAtHalfMaximum,
                          LagResult lag, List<StoreSizeProbe> storeSizeProbe, FillResult fill,
                          List<RebuildResult> rebuilds, List<ServiceMemory> memory, HotMethods.Profile profile,
                          List<TargetCheck> targets, double runSeconds, GatewayComparison gateway,
                          TracingCost tracing, PeerResult peer, HotAccountsResult hotAccounts,
                          CustomerViewComparison graphql) {

    /** The options a run used, as the report shows them. */
    public record RunSettings(long events, List<Integer> clients, double stepSeconds, double warmupSeconds,
                              boolean profiled, String serviceJvmOptions, List<String> steps, int rounds) {
    }

    /** Whether the ledger phases (baseline, deposits, transfers, lag, store size, rebuilds) ran. */
    public boolean ledgerMeasured() {
        return !baseline.isEmpty();
    }

    /** Deposit latency at one event-store size. */
    public record StoreSizeProbe(long storedEvents, StepResult deposits) {
    }
}
