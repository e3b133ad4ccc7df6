package io.ledgerline.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code projection_rebuild} tables: every rebuild's state and its position in each partition. */
@Repository
class Rebuilds {

    private static final int MAX_ERROR_LENGTH = 4000;
    private static final int LISTED = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    Rebuilds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a new running rebuild, unless one of the same projection is running already. */
    Rebuild start(String id, String projection, String target) throws RebuildAlreadyRunning {
        Timestamp now = now();
        try {
            jdbc.sql("""
                    INSERT INTO projection_rebuild (id, projection, state, target, events_done, events_total, settled,
                                                    started_at, updated_at)
                    VALUES (:id, :projection, 'RUNNING', :target, 0, 0, FALSE, :now, :now)
                    """)
                    .param("id", id)
                    .param("projection", projection)
                    .param("target", target)
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RebuildAlreadyRunning(projection);
        }
        return find(id).orElseThrow();
    }

    Optional<Rebuild> find(String id) {
        return jdbc.sql("SELECT * FROM projection_rebuild WHERE id = :id").param("id", id)
                .query(Rebuilds::rebuild).optional();
    }

    List<Rebuild> latest() {
        return jdbc.sql("SELECT * FROM projection_rebuild ORDER BY started_at DESC LIMIT :limit")
                .param("limit", LISTED)
                .query(Rebuilds::rebuild).list();
    }

    /** Rebuilds that need a worker: still active, or ended without their new version dropped yet. */
    List<Rebuild> unsettled() {
        return jdbc.sql("SELECT * FROM projection_rebuild WHERE NOT settled ORDER BY started_at")
                .query(Rebuilds::rebuild).list();
    }

    /** The next offset to apply in each partition; empty until the rebuild has prepared its target. */
    Map<Integer, Long> positions(String id) {
        return offsets(id, "next_offset");
    }

    /** Where the rebuild started in each partition, the base of its progress. */
    Map<Integer, Long> startOffsets(String id) {
        return offsets(id, "start_offset");
    }

    private Map<Integer, Long> offsets(String id, String column) {
        Map<Integer, Long> offsets = new TreeMap<>();
        // the column is one of two constants above, never input
        jdbc.sql("SELECT partition_no, " + column + " FROM projection_rebuild_position WHERE rebuild_id = :id")
                .param("id", id)
                .query(rs -> {
                    offsets.put(rs.getInt("partition_no"), rs.getLong(column));
                });
        return offsets;
    }

    void begin(String id, Map<Integer, Long> starts) {
        starts.forEach((partition, offset) -> jdbc.sql("""
                        INSERT INTO projection_rebuild_position (rebuild_id, partition_no, start_offset, next_offset)
                        VALUES (:id, :partition, :offset, :offset)
                        ON CONFLICT (rebuild_id, partition_no) DO NOTHING
                        """)
                .param("id", id)
                .param("partition", partition)
                .param("offset", offset)
                .update());
    }

    /**
     * Moves the rebuild forward, in the transaction of the rows it built. Returns false when the
     * rebuild is no longer active (cancelled meanwhile): the caller must then roll back.
     */
    boolean advance(String id, Map<Integer, Long> positions, long done, long total) {
        int updated = jdbc.sql("""
                UPDATE projection_rebuild SET events_done = :done, events_total = :total, updated_at = :now
                WHERE id = :id AND state IN ('RUNNING', 'SWAPPING')
                """)
                .param("id", id)
                .param("done", done)
                .param("total", Math.max(total, done))
                .param("now", now())
                .update();
        if (updated == 0) {
            return false;
        }
        positions.forEach((partition, offset) -> jdbc.sql("""
                        UPDATE projection_rebuild_position SET next_offset = :offset
                        WHERE rebuild_id = :id AND partition_no = :partition
                        """)
                .param("id", id)
                .param("partition", partition)
                .param("offset", offset)
                .update());
        return true;
    }

    /** Locks the rebuild's row for a state change and returns its state. */
    Optional<RebuildState> lockState(String id) {
        return jdbc.sql("SELECT state FROM projection_rebuild WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, row) -> RebuildState.valueOf(rs.getString("state"))).optional();
    }

    boolean markSwapping(String id) {
        return transition(id, RebuildState.SWAPPING, List.of(RebuildState.RUNNING), null, false);
    }

    boolean complete(String id) {
        return transition(id, RebuildState.COMPLETED, List.of(RebuildState.SWAPPING), null, true);
    }

    boolean fail(String id, String error) {
        return transition(id, RebuildState.FAILED, List.of(RebuildState.RUNNING, RebuildState.SWAPPING), error, false);
    }

    /** Cancels a rebuild that is still building; once it is taking over, it finishes. */
    boolean cancel(String id) {
        return transition(id, RebuildState.CANCELLED, List.of(RebuildState.RUNNING), null, false);
    }

    /** Records that an ended rebuild left nothing behind. */
    void settle(String id) {
        jdbc.sql("UPDATE projection_rebuild SET settled = TRUE, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", now())
                .update();
    }

    /** Records the last outage the rebuild is waiting out, without changing its state. */
    void noteError(String id, String error) {
        jdbc.sql("UPDATE projection_rebuild SET error = :error WHERE id = :id")
                .param("id", id)
                .param("error", truncate(error))
                .update();
    }

    private boolean transition(String id, RebuildState to, List<RebuildState> from, String error, boolean settled) {
        boolean ends = !to.isActive();
        return jdbc.sql("""
                UPDATE projection_rebuild
                SET state = :to, error = COALESCE(CAST(:error AS TEXT), error), settled = settled OR :settled, updated_at = :now,
                    finished_at = CASE WHEN :ends THEN :now ELSE finished_at END,
                    events_total = CASE WHEN :to = 'COMPLETED' THEN events_done ELSE events_total END
                WHERE id = :id AND state IN (:from)
                """)
                .param("id", id)
                .param("to", to.name())
                .param("from", from.stream().map(Enum::name).toList())
                .param("error", error == null ? null : truncate(error))
                .param("settled", settled)
                .param("ends", ends)
                .param("now", now())
                .update() == 1;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static Rebuild rebuild(ResultSet rs, int row) throws SQLException {
        return new Rebuild(rs.getString("id"), rs.getString("projection"), RebuildState.valueOf(rs.getString("state")),
                rs.getString("target"), rs.getLong("events_done"), rs.getLong("events_total"), rs.getString("error"),
                rs.getBoolean("settled"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
