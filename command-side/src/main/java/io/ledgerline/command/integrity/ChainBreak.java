package io.ledgerline.command.integrity;

/**
 * One place where the stored events do not match their chains.
 *
 * @param globalIndex where it shows: the altered, inserted or moved row; for a missing event, the
 *                    aggregate's event that follows the gap
 * @param sequence    the sequence of the altered, inserted or moved event, or of the missing one
 */
public record ChainBreak(long globalIndex, String aggregateId, long sequence, Kind kind) {

    public enum Kind {
        /** The row's content no longer gives its hash, or its hash is not the one its successor was chained to. */
        ALTERED,
        /** The aggregate's event of this sequence is not stored. */
        MISSING,
        /** The row was never chained (it carries no hash), or carries the hash of another row. */
        INSERTED,
        /** The row's global index is out of its aggregate's sequence order. */
        REORDERED
    }
}
