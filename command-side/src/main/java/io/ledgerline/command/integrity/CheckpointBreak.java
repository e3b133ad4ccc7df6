package io.ledgerline.command.integrity;

/** A checkpoint that does not vouch for the stored events of its range, or for its place in the sequence. */
public record CheckpointBreak(long fromGlobalIndex, long toGlobalIndex, Kind kind) {

    public enum Kind {
        /** The checkpoint's fields do not give its hash, or the hash does not carry the key's signature. */
        CHECKPOINT_SIGNATURE,
        /** The Merkle root of the stored event hashes of the range is not the signed one. */
        CHECKPOINT_ROOT,
        /** The checkpoint does not follow the previous one: another previous hash, or a gap or overlap in the range. */
        CHECKPOINT_LINK
    }
}
