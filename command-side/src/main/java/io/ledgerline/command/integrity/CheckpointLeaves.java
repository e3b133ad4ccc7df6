package io.ledgerline.command.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints overlapping a verified range and the event hashes of their ranges, collected as
 * the verification streams the range in global index order (no second read of the range); the
 * parts of the first and last checkpoint outside the range are read on their own, hashes only.
 */
final class CheckpointLeaves {

    static final CheckpointLeaves NONE = new CheckpointLeaves(List.of(), null, 0, 0);

    private final List<Checkpoint> checkpoints;
    private final Checkpoint beforeFirst;
    private final List<List<String>> hashes = new ArrayList<>();
    private final long fromGlobalIndex;
    private final long toGlobalIndex;
    private int current;

    private CheckpointLeaves(List<Checkpoint> checkpoints, Checkpoint beforeFirst, long fromGlobalIndex,
            long toGlobalIndex) {
        this.checkpoints = checkpoints;
        this.beforeFirst = beforeFirst;
        this.fromGlobalIndex = fromGlobalIndex;
        this.toGlobalIndex = toGlobalIndex;
        checkpoints.forEach(checkpoint -> hashes.add(new ArrayList<>()));
    }

    static CheckpointLeaves of(Connection connection, long fromGlobalIndex, long toGlobalIndex,
            boolean startingBefore) throws SQLException {
        CheckpointStore store = new CheckpointStore();
        List<Checkpoint> overlapping = store.overlapping(connection, fromGlobalIndex, toGlobalIndex).stream()
                .filter(checkpoint -> startingBefore || checkpoint.fromGlobalIndex() >= fromGlobalIndex)
                .toList();
        Checkpoint beforeFirst = overlapping.isEmpty() ? null
                : store.endingBefore(connection, overlapping.get(0).fromGlobalIndex()).orElse(null);
        CheckpointLeaves leaves = new CheckpointLeaves(overlapping, beforeFirst, fromGlobalIndex, toGlobalIndex);
        if (!overlapping.isEmpty() && overlapping.get(0).fromGlobalIndex() < fromGlobalIndex) {
            Checkpoint first = overlapping.get(0);
            store.readHashes(connection, first.fromGlobalIndex(), fromGlobalIndex - 1, Integer.MAX_VALUE,
                    new ArrayList<>(), leaves.hashes.get(0));
        }
        return leaves;
    }

    /** The hash of the next row of the verified range, in global index order. */
    void add(long globalIndex, String hash) {
        while (current < checkpoints.size() && checkpoints.get(current).toGlobalIndex() < globalIndex) {
            current++;
        }
        if (current < checkpoints.size() && checkpoints.get(current).fromGlobalIndex() <= globalIndex) {
            hashes.get(current).add(hash);
        }
    }

    int count() {
        return checkpoints.size();
    }

    List<CheckpointBreak> check(Connection connection, CheckpointCheck check) throws SQLException {
        List<CheckpointBreak> breaks = new ArrayList<>();
        if (checkpoints.isEmpty()) {
            return breaks;
        }
        Checkpoint last = checkpoints.get(checkpoints.size() - 1);
        if (last.toGlobalIndex() > toGlobalIndex) {
            new CheckpointStore().readHashes(connection, Math.max(toGlobalIndex + 1, last.fromGlobalIndex()),
                    last.toGlobalIndex(), Integer.MAX_VALUE, new ArrayList<>(), hashes.get(checkpoints.size() - 1));
        }
        Checkpoint previous = beforeFirst;
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint checkpoint = checkpoints.get(i);
            // the one before it in the store is its predecessor only when it ends just before it
            Checkpoint predecessor = previous != null && previous.toGlobalIndex() == checkpoint.fromGlobalIndex() - 1
                    ? previous : null;
            breaks.addAll(check.check(checkpoint, predecessor, hashes.get(i)));
            previous = checkpoint;
        }
        return breaks;
    }
}
