package io.ledgerline.command.integrity;

import io.ledgerline.command.integrity.ChainBreak.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the stored events of a global index range against their aggregates' chains, on a plain
 * JDBC connection: the API's and the command-line tool's (an auditor's copy of the database).
 *
 * <p>The rows of the range are streamed once, each hashed from its stored bytes on worker threads
 * while the next rows arrive ({@link RowHashing}) and kept as a link of primitives
 * ({@link ChainLinks}: no payloads, no hex strings), then the links are grouped by aggregate and
 * walked in sequence order. The chain of an event before the range is
 * taken from the store, so a range verifies as the whole store would on its events.
 */
public final class ChainVerification {

    /** Rows per round trip: a few MB of payloads, few enough round trips for a million rows. */
    private static final int FETCH = 5_000;
    /** Rows between two progress reports: a job's state moves every second or so even on a busy machine. */
    private static final int PROGRESS_EVERY = 1_000;
    private static final int AGGREGATE_ID = 3;
    private static final long PRESIZED_LINKS = 1 << 20;

    /** Verifies the chains only, no checkpoint. */
    public VerificationReport verify(Connection connection, long fromGlobalIndex, long toGlobalIndex) throws SQLException {
        return verify(connection, fromGlobalIndex, toGlobalIndex, null, true);
    }

    /**
     * Verifies the chains and every checkpoint overlapping the range, each over its whole range.
     *
     * @param checkpoints             null to check none
     * @param checkpointsStartingBefore whether to check a checkpoint that starts before the range (false
     *                                when the range continues one verified just before, which checked it)
     */
    public VerificationReport verify(Connection connection, long fromGlobalIndex, long toGlobalIndex,
            CheckpointCheck checkpoints, boolean checkpointsStartingBefore) throws SQLException {
        return verify(connection, fromGlobalIndex, toGlobalIndex, checkpoints, checkpointsStartingBefore,
                VerificationProgress.NONE);
    }

    /** As {@link #verify(Connection, long, long, CheckpointCheck, boolean)}, telling progress after each batch read. */
    public VerificationReport verify(Connection connection, long fromGlobalIndex, long toGlobalIndex,
            CheckpointCheck checkpoints, boolean checkpointsStartingBefore, VerificationProgress progress)
            throws SQLException {
        // a range holds at most one row per global index; beyond a million, the links grow as they come
        ChainLinks links = new ChainLinks((int) Math.min(Math.max(0, toGlobalIndex - fromGlobalIndex + 1), PRESIZED_LINKS));
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a result only inside a transaction; otherwise it holds the whole range in memory
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEventRow.COLUMNS
                + " FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index")) {
            select.setFetchSize(FETCH);
            BinaryTransfer.prefer(select);
            select.setLong(1, fromGlobalIndex);
            select.setLong(2, toGlobalIndex);
            CheckpointLeaves leaves = checkpoints == null ? CheckpointLeaves.NONE
                    : CheckpointLeaves.of(connection, fromGlobalIndex, toGlobalIndex, checkpointsStartingBefore, checkpoints);
            long read = 0;
            try (ResultSet rows = select.executeQuery();
                 RowHashing hashing = new RowHashing(row -> {
                     links.add(row.globalIndex(), row.aggregateId(), row.sequence(), row.hash(), row.previousHash(),
                             row.contentHash());
                     if (leaves != CheckpointLeaves.NONE) {
                         leaves.add(row.globalIndex(), row.hash());
                     }
                 })) {
                while (rows.next()) {
                    StoredBytes row = StoredBytes.read(rows);
                    hashing.submit(row);
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        progress.reached(row.globalIndex(), read);
                    }
                }
                hashing.finish();
            }
            int checked = links.size();
            int[] before = linksBefore(connection, links, checked);
            List<CheckpointBreak> checkpointBreaks = checkpoints == null ? List.of()
                    : leaves.check(connection);
            connection.commit();
            List<ChainBreak> breaks = breaksOf(links, checked, before);
            breaks.sort(Comparator.comparingLong(ChainBreak::globalIndex).thenComparing(ChainBreak::aggregateId)
                    .thenComparingLong(ChainBreak::sequence));
            return new VerificationReport(fromGlobalIndex, toGlobalIndex, checked, List.copyOf(breaks),
                    leaves.count(), checkpointBreaks);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Adds the link of the current row, hashed on this thread. */
    private static void add(ResultSet row, ChainLinks links) throws SQLException {
        StoredBytes.Hashed hashed = StoredBytes.read(row).hash(new EventHash());
        links.add(hashed.globalIndex(), hashed.aggregateId(), hashed.sequence(), hashed.hash(), hashed.previousHash(),
                hashed.contentHash());
    }

    /** The breaks of the first {@code checked} links, each aggregate walked in sequence order. */
    private static List<ChainBreak> breaksOf(ChainLinks links, int checked, int[] before) {
        Map<Integer, Integer> hashUses = links.hashUsesOfUnmatched(checked);
        int[] starts = new int[links.aggregateCount() + 1];
        int[] grouped = links.byAggregate(checked, starts);
        List<ChainBreak> breaks = new ArrayList<>();
        for (int aggregate = 0; aggregate < links.aggregateCount(); aggregate++) {
            if (starts[aggregate] == starts[aggregate + 1]) {
                continue;
            }
            int[] inSequence = inSequenceOrder(links, Arrays.copyOfRange(grouped, starts[aggregate], starts[aggregate + 1]));
            breaks.addAll(breaksOf(links, links.aggregateId(aggregate), inSequence, before[aggregate], hashUses));
        }
        return breaks;
    }

    /** Stable: links of one sequence keep their global order. Usually there is nothing to sort. */
    private static int[] inSequenceOrder(ChainLinks links, int[] inGlobalOrder) {
        for (int i = 1; i < inGlobalOrder.length; i++) {
            if (links.sequence(inGlobalOrder[i]) < links.sequence(inGlobalOrder[i - 1])) {
                return Arrays.stream(inGlobalOrder).boxed().sorted(Comparator.comparingLong(links::sequence))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        return inGlobalOrder;
    }

    /** @param beforeRange the link of the event before the aggregate's first in the range, -1 when none */
    private static List<ChainBreak> breaksOf(ChainLinks links, String aggregateId, int[] inSequence, int beforeRange,
            Map<Integer, Integer> hashUses) {
        Set<ChainBreak> breaks = new LinkedHashSet<>();
        int predecessor = beforeRange;
        long first = links.sequence(inSequence[0]);
        // without a stored predecessor, only the one event just before the first is known to be missing
        long expected = beforeRange >= 0 ? links.sequence(beforeRange) + 1 : Math.max(0, first - 1);
        for (int link : inSequence) {
            long sequence = links.sequence(link);
            long globalIndex = links.globalIndex(link);
            for (long missing = expected; missing < sequence; missing++) {
                breaks.add(new ChainBreak(globalIndex, aggregateId, missing, Kind.MISSING));
            }
            boolean follows = predecessor >= 0 && links.sequence(predecessor) == sequence - 1;
            if (!links.hasHash(link) || (!links.contentMatches(link) && hashUses.getOrDefault(link, 0) > 1)) {
                breaks.add(new ChainBreak(globalIndex, aggregateId, sequence, Kind.INSERTED));
            } else if (!links.contentMatches(link)) {
                breaks.add(new ChainBreak(globalIndex, aggregateId, sequence, Kind.ALTERED));
            } else if (sequence == 0 && !links.previousIsGenesis(link)) {
                breaks.add(new ChainBreak(globalIndex, aggregateId, sequence, Kind.ALTERED));
            } else if (follows && links.hasHash(predecessor) && !links.previousIsHashOf(link, predecessor)) {
                // the predecessor's content and hash were both rewritten: its successor still names the old hash
                breaks.add(new ChainBreak(links.globalIndex(predecessor), aggregateId, links.sequence(predecessor),
                        Kind.ALTERED));
            }
            if (follows && links.globalIndex(predecessor) > globalIndex) {
                breaks.add(new ChainBreak(links.globalIndex(predecessor), aggregateId, links.sequence(predecessor),
                        Kind.REORDERED));
                breaks.add(new ChainBreak(globalIndex, aggregateId, sequence, Kind.REORDERED));
            }
            predecessor = link;
            expected = sequence + 1;
        }
        return new ArrayList<>(breaks);
    }

    /**
     * For each aggregate whose first event in the range is not its first event, the link of the event
     * before it, wherever it is stored (added after the range's links); -1 when that event is missing
     * or the aggregate's first event is in the range.
     */
    private static int[] linksBefore(Connection connection, ChainLinks links, int checked) throws SQLException {
        int aggregateCount = links.aggregateCount();
        long[] firstSequences = new long[aggregateCount];
        Arrays.fill(firstSequences, Long.MAX_VALUE);
        for (int link = 0; link < checked; link++) {
            firstSequences[links.aggregate(link)] = Math.min(firstSequences[links.aggregate(link)], links.sequence(link));
        }
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (int aggregate = 0; aggregate < aggregateCount; aggregate++) {
            if (firstSequences[aggregate] > 0) {
                aggregates.add(links.aggregateId(aggregate));
                sequences.add(firstSequences[aggregate] - 1);
            }
        }
        int[] before = new int[aggregateCount];
        Arrays.fill(before, -1);
        if (aggregates.isEmpty()) {
            return before;
        }
        Array aggregateArray = connection.createArrayOf("varchar", aggregates.toArray());
        Array sequenceArray = connection.createArrayOf("bigint", sequences.toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + prefixed("e") + """
                 \sFROM domain_event_entry e
                  JOIN unnest(?, ?) AS wanted(aggregate_identifier, sequence_number)
                    ON e.aggregate_identifier = wanted.aggregate_identifier
                   AND e.sequence_number = wanted.sequence_number""")) {
            select.setArray(1, aggregateArray);
            select.setArray(2, sequenceArray);
            select.setFetchSize(FETCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String aggregateId = rows.getString(AGGREGATE_ID);
                    add(rows, links);
                    before[links.aggregateNumberOf(aggregateId)] = links.size() - 1;
                }
            }
        }
        return before;
    }

    private static String prefixed(String alias) {
        return alias + "." + StoredEventRow.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
