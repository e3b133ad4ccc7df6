package io.ledgerline.bench.report;

import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerResult;
import io.ledgerline.bench.rebuild.RebuildResult;

import java.util.List;

/**
 * The figures of one run that the targets name, in one place.
 *
 * @param peer        the plain Axon peer's deposits in the same run, or null when it was not measured
 * @param hotAccounts the hot-accounts phase, or null when it did not run
 */
public record TargetFigures(List<StepResult> baseline, List<StepResult> deposits, List<StepResult> transfers,
                            StepResult atHalfMaximum, PeerResult peer, LagResult lag,
                            List<BenchReport.StoreSizeProbe> storeSizeProbe, List<RebuildResult> rebuilds,
                            List<ServiceMemory> memory, HotAccountsResult hotAccounts) {
}
