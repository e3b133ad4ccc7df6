package io.ledgerline.bench.peer;

import io.ledgerline.bench.load.StepResult;

import java.util.List;

/**
 * What the plain Axon peer did under the ledger's deposit load in the same run.
 *
 * @param deposits        closed-loop deposits at each client count, right after Ledgerline's at that count
 * @param atHalfMaximum   deposits paced at Ledgerline's half-maximum rate (not the peer's own), for the p99 comparison
 * @param jvmOptions      the JVM options it ran with, as read from its command line
 */
public record PeerResult(List<StepResult> deposits, StepResult atHalfMaximum, String jvmOptions) {
}
