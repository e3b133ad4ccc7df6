package io.ledgerline.command.integrity;

import java.time.Instant;

/**
 * A verification of a global index range, run in the background and recorded where every command node
 * reads it.
 *
 * @param reachedGlobalIndex the last global index read; null before the first batch
 * @param report             null until COMPLETED
 * @param error              why it FAILED; null otherwise
 */
public record VerificationJob(String id, VerificationJobState state, long fromGlobalIndex, long toGlobalIndex,
        long eventsChecked, Long reachedGlobalIndex, String startedBy, Instant startedAt, Instant finishedAt,
        VerificationReport report, String error) {

    /** The fraction of the range read, from 0 to 1; 1 once COMPLETED, also for a range that holds no event. */
    public double progress() {
        if (state == VerificationJobState.COMPLETED) {
            return 1.0;
        }
        if (reachedGlobalIndex == null || toGlobalIndex < fromGlobalIndex) {
            return 0.0;
        }
        double fraction = (double) (reachedGlobalIndex - fromGlobalIndex + 1) / (toGlobalIndex - fromGlobalIndex + 1);
        return Math.max(0.0, Math.min(1.0, fraction));
    }
}
