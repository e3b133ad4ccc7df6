package io.ledgerline.command.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints overlapping a verified range and the event hashes of their ranges, collected as
 * the verification streams the range in global index order (no second read of the range); the
 * parts of the first and last checkpoint outside the range are read on their own, hashes only.
 * Each checkpoint is checked as soon as the stream has passed its range, so that only one
 * checkpoint's hashes are held at a time, not a million.
 */
final class CheckpointLeaves {

    static final CheckpointLeaves NONE = new CheckpointLeaves(List.of(), null, 0, null);

    private final List<Checkpoint> checkpoints;
    private final List<List<String>> hashes = new ArrayList<>();
    private final long toGlobalIndex;
    private final CheckpointCheck check;
    private final List<CheckpointBreak> breaks = new ArrayList<>();
    /** The checkpoint checked last, the one before the first when none is checked yet. */
    private Checkpoint previous;
    private int current;
    private int checked;

    private CheckpointLeaves(List<Checkpoint> checkpoints, Checkpoint beforeFirst, long toGlobalIndex,
            CheckpointCheck check) {
        this.checkpoints = checkpoints;
        this.previous = beforeFirst;
        this.toGlobalIndex = toGlobalIndex;
        this.check = check;
        checkpoints.forEach(checkpoint -> hashes.add(new ArrayList<>()));
    }

    static CheckpointLeaves of(Connection connection, long fromGlobalIndex, long toGlobalIndex,
            boolean startingBefore, CheckpointCheck check) throws SQLException {
        CheckpointStore store = new CheckpointStore();
        List<Checkpoint> overlapping = store.overlapping(connection, fromGlobalIndex, toGlobalIndex).stream()
                .filter(checkpoint -> startingBefore || checkpoint.fromGlobalIndex() >= fromGlobalIndex)
                .toList();
        Checkpoint beforeFirst = overlapping.isEmpty() ? null
                : store.endingBefore(connection, overlapping.get(0).fromGlobalIndex()).orElse(null);
        CheckpointLeaves leaves = new CheckpointLeaves(overlapping, beforeFirst, toGlobalIndex, check);
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
            checkNext();
            current++;
        }
        if (current < checkpoints.size() && checkpoints.get(current).fromGlobalIndex() <= globalIndex) {
            hashes.get(current).add(hash);
        }
    }

    int count() {
        return checkpoints.size();
    }

    /** Checks the checkpoints the stream has not passed, and answers the breaks of all. */
    List<CheckpointBreak> check(Connection connection) throws SQLException {
        if (checked < checkpoints.size()) {
            Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            if (last.toGlobalIndex() > toGlobalIndex) {
                new CheckpointStore().readHashes(connection, Math.max(toGlobalIndex + 1, last.fromGlobalIndex()),
                        last.toGlobalIndex(), Integer.MAX_VALUE, new ArrayList<>(), hashes.get(checkpoints.size() - 1));
            }
        }
        while (checked < checkpoints.size()) {
            checkNext();
        }
        return breaks;
    }

    private void checkNext() {
        Checkpoint checkpoint = checkpoints.get(checked);
        // the one before it in the store is its predecessor only when it ends just before it
        Checkpoint predecessor = previous != null && previous.toGlobalIndex() == checkpoint.fromGlobalIndex() - 1
                ? previous : null;
        breaks.addAll(check.check(checkpoint, predecessor, hashes.get(checked)));
        // its hashes are not needed any more
        hashes.set(checked, List.of());
        previous = checkpoint;
        checked++;
    }
}
