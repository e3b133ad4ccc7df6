package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.integrity.ChainBreak.Kind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the stored events of a global index range against their aggregates' chains, on a plain
 * JDBC connection: the API's and the command-line tool's (an auditor's copy of the database).
 *
 * <p>The rows of the range are held as links (a few dozen bytes each, no payloads), grouped by
 * aggregate and walked in sequence order. The chain of an event before the range is taken from
 * the store, so a range verifies as the whole store would on its events.
 */
public final class ChainVerification {

    private static final int FETCH = 1_000;

    private final ObjectMapper json = new ObjectMapper();

    /** A stored row reduced to what its chain needs. */
    private record Link(long globalIndex, long sequence, String hash, String previousHash, boolean contentMatches) {
    }

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
        Map<String, List<Link>> byAggregate = new HashMap<>();
        Map<String, Integer> hashUses = new HashMap<>();
        long checked = 0;
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
                    : CheckpointLeaves.of(connection, fromGlobalIndex, toGlobalIndex, checkpointsStartingBefore);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredEventRow row = StoredEventRow.read(rows, json);
                    Link link = linkOf(row);
                    leaves.add(row.globalIndex(), row.storedHash());
                    byAggregate.computeIfAbsent(row.aggregateId(), id -> new ArrayList<>()).add(link);
                    if (link.hash() != null) {
                        hashUses.merge(link.hash(), 1, Integer::sum);
                    }
                    checked++;
                    if (checked % FETCH == 0) {
                        progress.reached(row.globalIndex(), checked);
                    }
                }
            }
            Map<String, Link> before = linksBefore(connection, byAggregate);
            List<CheckpointBreak> checkpointBreaks = checkpoints == null ? List.of()
                    : leaves.check(connection, checkpoints);
            connection.commit();
            List<ChainBreak> breaks = new ArrayList<>();
            byAggregate.forEach((aggregateId, links) ->
                    breaks.addAll(breaksOf(aggregateId, links, before.get(aggregateId), hashUses)));
            breaks.sort(Comparator.comparingLong(ChainBreak::globalIndex).thenComparing(ChainBreak::aggregateId)
                    .thenComparingLong(ChainBreak::sequence));
            return new VerificationReport(fromGlobalIndex, toGlobalIndex, checked, List.copyOf(breaks),
                    leaves.count(), checkpointBreaks);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Link linkOf(StoredEventRow row) {
        boolean matches = row.storedHash() != null && row.storedPreviousHash() != null
                && row.storedPreviousHash().matches("[0-9a-f]{64}")
                && row.recomputedHash(row.storedPreviousHash()).equals(row.storedHash());
        return new Link(row.globalIndex(), row.sequence(), row.storedHash(), row.storedPreviousHash(), matches);
    }

    private static List<ChainBreak> breaksOf(String aggregateId, List<Link> inGlobalOrder, Link beforeRange,
            Map<String, Integer> hashUses) {
        List<Link> links = new ArrayList<>(inGlobalOrder);
        links.sort(Comparator.comparingLong(Link::sequence));
        Set<ChainBreak> breaks = new LinkedHashSet<>();
        Link predecessor = beforeRange;
        long first = links.get(0).sequence();
        // without a stored predecessor, only the one event just before the first is known to be missing
        long expected = beforeRange != null ? beforeRange.sequence() + 1 : Math.max(0, first - 1);
        for (Link link : links) {
            for (long missing = expected; missing < link.sequence(); missing++) {
                breaks.add(new ChainBreak(link.globalIndex(), aggregateId, missing, Kind.MISSING));
            }
            boolean follows = predecessor != null && predecessor.sequence() == link.sequence() - 1;
            if (link.hash() == null || (!link.contentMatches() && hashUses.getOrDefault(link.hash(), 0) > 1)) {
                breaks.add(new ChainBreak(link.globalIndex(), aggregateId, link.sequence(), Kind.INSERTED));
            } else if (!link.contentMatches()) {
                breaks.add(new ChainBreak(link.globalIndex(), aggregateId, link.sequence(), Kind.ALTERED));
            } else if (link.sequence() == 0 && !ChainMetadata.GENESIS.equals(link.previousHash())) {
                breaks.add(new ChainBreak(link.globalIndex(), aggregateId, link.sequence(), Kind.ALTERED));
            } else if (follows && predecessor.hash() != null && !link.previousHash().equals(predecessor.hash())) {
                // the predecessor's content and hash were both rewritten: its successor still names the old hash
                breaks.add(new ChainBreak(predecessor.globalIndex(), aggregateId, predecessor.sequence(), Kind.ALTERED));
            }
            if (follows && predecessor.globalIndex() > link.globalIndex()) {
                breaks.add(new ChainBreak(predecessor.globalIndex(), aggregateId, predecessor.sequence(), Kind.REORDERED));
                breaks.add(new ChainBreak(link.globalIndex(), aggregateId, link.sequence(), Kind.REORDERED));
            }
            predecessor = link;
            expected = link.sequence() + 1;
        }
        return new ArrayList<>(breaks);
    }

    /**
     * For each aggregate whose first event in the range is not its first event, the link of the event
     * before it, wherever it is stored; absent when that event is missing.
     */
    private Map<String, Link> linksBefore(Connection connection, Map<String, List<Link>> byAggregate) throws SQLException {
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        byAggregate.forEach((aggregateId, links) -> {
            long first = links.stream().mapToLong(Link::sequence).min().orElseThrow();
            if (first > 0) {
                aggregates.add(aggregateId);
                sequences.add(first - 1);
            }
        });
        Map<String, Link> before = new HashMap<>();
        if (aggregates.isEmpty()) {
            return before;
        }
        Array aggregateArray = connection.createArrayOf("varchar", aggregates.toArray());
        Array sequenceArray = connection.createArrayOf("bigint", sequences.toArray());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + prefixed("e") + """
                 FROM domain_event_entry e
                 JOIN unnest(?, ?) AS wanted(aggregate_identifier, sequence_number)
                   ON e.aggregate_identifier = wanted.aggregate_identifier
                  AND e.sequence_number = wanted.sequence_number""")) {
            select.setArray(1, aggregateArray);
            select.setArray(2, sequenceArray);
            select.setFetchSize(FETCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredEventRow row = StoredEventRow.read(rows, json);
                    before.put(row.aggregateId(), linkOf(row));
                }
            }
        }
        return before;
    }

    private static String prefixed(String alias) {
        return alias + "." + StoredEventRow.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
