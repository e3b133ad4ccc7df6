package io.ledgerline.command.integrity;

/** Told how far a verification has read, so that a long one can be followed while it runs. */
@FunctionalInterface
public interface VerificationProgress {

    VerificationProgress NONE = (globalIndex, eventsChecked) -> {
    };

    /**
     * Called after each batch of rows read.
     *
     * @param globalIndex   the last global index read
     * @param eventsChecked the events read so far
     */
    void reached(long globalIndex, long eventsChecked);
}
