package io.ledgerline.query.rebuild;

import java.io.IOException;
import java.time.Duration;

/**
 * The new version of a read model that a rebuild writes while the serving version keeps answering:
 * created beside it, written on the rebuild's own thread and transactions only, then swapped in
 * for the serving version in one atomic step.
 */
interface RebuildTarget {

    /** How the rebuild's record names the new version, to find it again after a restart. */
    String describe();

    /** Creates the empty new version; does nothing when it exists already. */
    void prepare() throws IOException;

    /** Sends the current thread's writes (and its transaction's, for SQL) to the new version. */
    void enter();

    /** Sends the current thread back to the serving version. */
    void leave();

    /** Whether the new version already serves: a swap completed before the rebuild was interrupted. */
    boolean isSwappedIn() throws IOException;

    /**
     * Makes the new version the serving one in one atomic step. The
     * recording runs in the same transaction as the swap where the store allows it; it returns
     * false when the rebuild was cancelled meanwhile, and then nothing is swapped.
     */
    boolean swap(SwapRecording recording) throws IOException;

    /**
     * How long queries that were already running on the replaced version may go on after the swap; the
     * rebuild drops that version once this has passed, unless its node stops first (the next rebuild drops it then).
     */
    default Duration replacedVersionGrace() {
        return Duration.ZERO;
    }

    /** Drops the replaced version, once {@link #replacedVersionGrace()} has passed. */
    void dropReplaced() throws IOException;

    /** Drops the new version; does nothing when it is gone already. */
    void discard() throws IOException;

    /** Records the swap; called inside the swap's transaction. */
    @FunctionalInterface
    interface SwapRecording {
        boolean record();
    }
}
