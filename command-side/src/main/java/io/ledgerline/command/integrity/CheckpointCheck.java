package io.ledgerline.command.integrity;

import io.ledgerline.command.integrity.CheckpointBreak.Kind;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks one checkpoint against the key, the checkpoint before it and the event hashes stored in
 * its range. The root is recomputed from the stored hashes, not from the events' content: a
 * consistently recomputed chain passes the chain walk but not the signed root.
 */
public final class CheckpointCheck {

    private static final String NO_HASH = "00".repeat(32);

    private final CheckpointPublicKey key;

    public CheckpointCheck(CheckpointPublicKey key) {
        this.key = key;
    }

    public CheckpointCheck(CheckpointKeys keys) {
        this(keys.publicKey());
    }

    /**
     * @param previous     the checkpoint whose range ends just before this one's, or null when none is stored
     * @param storedHashes the chain hashes of the rows stored in the range, in global index order;
     *                     null for a row without one (never chained)
     */
    public List<CheckpointBreak> check(Checkpoint checkpoint, Checkpoint previous, List<String> storedHashes) {
        List<CheckpointBreak> breaks = new ArrayList<>();
        String recomputed = Checkpoint.hashOf(checkpoint.fromGlobalIndex(), checkpoint.toGlobalIndex(),
                checkpoint.merkleRoot(), checkpoint.previousHash());
        if (!recomputed.equals(checkpoint.hash())
                || !key.verify(HexFormat.of().parseHex(checkpoint.hash()), checkpoint.signature())) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_SIGNATURE));
        }
        if (!followsPrevious(checkpoint, previous)) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_LINK));
        }
        if (!rootOf(storedHashes).equals(checkpoint.merkleRoot())) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_ROOT));
        }
        return breaks;
    }

    /**
     * The Merkle root a checkpoint signs: a row without a hash (never chained, which the chain walk
     * reports as inserted) counts as 32 zero bytes, so that it neither stalls checkpointing nor
     * passes for a chained row.
     */
    public static String rootOf(List<String> storedHashes) {
        return MerkleRoot.of(storedHashes.stream().map(hash -> hash == null ? NO_HASH : hash).toList());
    }

    private static boolean followsPrevious(Checkpoint checkpoint, Checkpoint previous) {
        if (previous == null) {
            // a first checkpoint links to nothing; one that links to a checkpoint no longer stored lost it
            return checkpoint.previousHash() == null;
        }
        return Objects.equals(checkpoint.previousHash(), previous.hash())
                && checkpoint.fromGlobalIndex() == previous.toGlobalIndex() + 1;
    }

    private static CheckpointBreak breakOf(Checkpoint checkpoint, Kind kind) {
        return new CheckpointBreak(checkpoint.fromGlobalIndex(), checkpoint.toGlobalIndex(), kind);
    }
}
