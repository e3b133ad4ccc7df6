package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Writes and reads checkpoints with plain JDBC, like the verification, so the command-line tool can
 * check them on an auditor's copy of the database.
 */
public final class CheckpointStore {

    /** The advisory lock that makes one node at a time extend the checkpoint sequence. */
    static final long WRITER_LOCK = 0x4c65_6467_6572_4350L;

    private static final String COLUMNS = "from_global_index, to_global_index, merkle_root, previous_hash, hash, signature";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Checkpoints every event after the last checkpoint up to {@code safeTail}, at most
     * {@code maxEvents} each, in the caller's connection (committed here).
     *
     * @param safeTail the global index below which no event can still be committed
     * @return the checkpoints written, none when another node holds the lock or nothing is new
     */
    public List<Checkpoint> writeUpTo(Connection connection, long safeTail, int maxEvents, CheckpointKeys keys)
            throws SQLException {
        return writeDue(connection, safeTail, maxEvents, lastSignedAt -> true, Integer.MAX_VALUE, keys);
    }

    /**
     * Checkpoints the events after the last checkpoint up to {@code safeTail} as the schedule asks:
     * ranges of {@code everyEvents} each, and a shorter last one only when {@code intervalElapsed}
     * says so for the last checkpoint's signing time (absent when there is none). One writer at a
     * time across nodes (an advisory lock, which appends never take); committed here.
     *
     * @param maxCheckpoints the most written in one call, so that catching up commits as it goes
     */
    public List<Checkpoint> writeDue(Connection connection, long safeTail, int everyEvents,
            Predicate<Optional<Instant>> intervalElapsed, int maxCheckpoints, CheckpointKeys keys) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<Checkpoint> written = new ArrayList<>();
        try {
            if (!tryLock(connection)) {
                connection.rollback();
                return written;
            }
            Optional<StoredCheckpoint> last = last(connection);
            long from = last.map(stored -> stored.checkpoint().toGlobalIndex() + 1).orElse(Long.MIN_VALUE);
            String previousHash = last.map(stored -> stored.checkpoint().hash()).orElse(null);
            boolean shortRangeDue = intervalElapsed.test(last.map(StoredCheckpoint::signedAt));
            if (!shortRangeDue && pending(connection, from, safeTail, everyEvents) < everyEvents) {
                // counted on the primary key alone: the hashes are read only when a checkpoint is due
                connection.rollback();
                return written;
            }
            while (from <= safeTail && written.size() < maxCheckpoints) {
                List<Long> indexes = new ArrayList<>();
                List<String> hashes = new ArrayList<>();
                readHashes(connection, from, safeTail, everyEvents, indexes, hashes);
                if (hashes.isEmpty() || (hashes.size() < everyEvents && !shortRangeDue)) {
                    break;
                }
                long start = last.isPresent() || !written.isEmpty() ? from : indexes.get(0);
                long end = hashes.size() < everyEvents ? safeTail : indexes.get(indexes.size() - 1);
                Checkpoint checkpoint = Checkpoint.sign(start, end, CheckpointCheck.rootOf(hashes), previousHash, keys);
                insert(connection, checkpoint);
                written.add(checkpoint);
                previousHash = checkpoint.hash();
                from = end + 1;
            }
            connection.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long pending(Connection connection, long from, long to, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM "
                + "domain_event_entry WHERE global_index BETWEEN ? AND ? LIMIT ?) AS pending")) {
            select.setLong(1, from);
            select.setLong(2, to);
            select.setInt(3, limit);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** A page of the stored checkpoints, oldest first, with when each was signed. */
    public List<StoredCheckpoint> page(Connection connection, long offset, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", written_at "
                + "FROM ledger_checkpoint ORDER BY from_global_index LIMIT ? OFFSET ?")) {
            select.setInt(1, limit);
            select.setLong(2, offset);
            return readStored(select);
        }
    }

    public long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM ledger_checkpoint");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The checkpoints whose ranges overlap the given one, and the one just before them, in order. */
    public List<Checkpoint> overlapping(Connection connection, long fromGlobalIndex, long toGlobalIndex) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger_checkpoint "
                + "WHERE to_global_index >= ? AND from_global_index <= ? ORDER BY from_global_index")) {
            select.setLong(1, fromGlobalIndex);
            select.setLong(2, toGlobalIndex);
            return read(select);
        }
    }

    /** The checkpoint whose range ends just before {@code fromGlobalIndex}, if stored. */
    public Optional<Checkpoint> endingBefore(Connection connection, long fromGlobalIndex) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ledger_checkpoint WHERE to_global_index = ?")) {
            select.setLong(1, fromGlobalIndex - 1);
            return read(select).stream().findFirst();
        }
    }

    /** The chain hashes stored in a checkpoint's range, in global index order; null for a row without one. */
    public List<String> storedHashes(Connection connection, Checkpoint checkpoint) throws SQLException {
        List<String> hashes = new ArrayList<>();
        readHashes(connection, checkpoint.fromGlobalIndex(), checkpoint.toGlobalIndex(), Integer.MAX_VALUE,
                new ArrayList<>(), hashes);
        return hashes;
    }

    /** The hashes of the rows stored in a range, in global index order, reading only their metadata. */
    void readHashes(Connection connection, long from, long to, int limit, List<Long> indexes,
                    List<String> hashes) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, meta_data"
                + " FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index LIMIT ?")) {
            select.setFetchSize(1_000);
            BinaryTransfer.prefer(select);
            select.setLong(1, from);
            select.setLong(2, to);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    indexes.add(rows.getLong(1));
                    hashes.add(StoredEventRow.hashIn(rows.getBytes(2), json));
                }
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static Optional<StoredCheckpoint> last(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + ", written_at FROM ledger_checkpoint ORDER BY to_global_index DESC LIMIT 1")) {
            return readStored(select).stream().findFirst();
        }
    }

    private static List<StoredCheckpoint> readStored(PreparedStatement select) throws SQLException {
        List<StoredCheckpoint> checkpoints = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new StoredCheckpoint(checkpointOf(rows),
                        rows.getTimestamp("written_at").toInstant()));
            }
        }
        return checkpoints;
    }

    private static void insert(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_checkpoint (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.fromGlobalIndex());
            insert.setLong(2, checkpoint.toGlobalIndex());
            insert.setString(3, checkpoint.merkleRoot());
            insert.setString(4, checkpoint.previousHash());
            insert.setString(5, checkpoint.hash());
            insert.setString(6, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    private static List<Checkpoint> read(PreparedStatement select) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(checkpointOf(rows));
            }
        }
        return checkpoints;
    }

    private static Checkpoint checkpointOf(ResultSet rows) throws SQLException {
        return new Checkpoint(rows.getLong("from_global_index"), rows.getLong("to_global_index"),
                rows.getString("merkle_root"), rows.getString("previous_hash"), rows.getString("hash"),
                rows.getString("signature"));
    }
}
