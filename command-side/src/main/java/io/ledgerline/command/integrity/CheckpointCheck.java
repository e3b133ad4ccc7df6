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

    private final CheckpointKeys keys;

    public CheckpointCheck(CheckpointKeys keys) {
        this.keys = keys;
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
                || !keys.verify(HexFormat.of().parseHex(checkpoint.hash()), checkpoint.signature())) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_SIGNATURE));
        }
        if (!followsPrevious(checkpoint, previous)) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_LINK));
        }
        if (storedHashes.stream().anyMatch(Objects::isNull) || !MerkleRoot.of(storedHashes).equals(checkpoint.merkleRoot())) {
            breaks.add(breakOf(checkpoint, Kind.CHECKPOINT_ROOT));
        }
        return breaks;
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
