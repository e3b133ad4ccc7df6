package io.ledgerline.command.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The verifications' table, which every command node reads and writes. */
class VerificationJobStore {

    // the first half of a two-part advisory lock key, apart from any other lock of the application
    private static final int LOCK_SPACE = 0x4c56524a;
    private static final int CLAIM_LOCK = 1;
    static final int MAX_ERROR_LENGTH = 4000;
    private static final String COLUMNS = "id, state, from_global_index, to_global_index, events_checked, "
            + "reached_global_index, started_by, started_at, heartbeat_at, finished_at, report, error";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    // the report's own form, not the API's: it is read back only by this class
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    VerificationJobStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records a new running verification unless as many as allowed run already, in one transaction
     * under a cluster-wide lock, so that two nodes asked at once cannot both start one. Running ones
     * whose node stopped beating before {@code beatenSince} are marked ABANDONED on the way.
     *
     * @return false when as many as allowed run already
     */
    boolean claim(VerificationJob job, String node, int maxRunning, Instant beatenSince) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, LOCK_SPACE);
                    lock.setInt(2, CLAIM_LOCK);
                    lock.execute();
                }
                try (PreparedStatement abandon = connection.prepareStatement("UPDATE ledger_verification "
                        + "SET state = 'ABANDONED' WHERE state = 'RUNNING' AND heartbeat_at < ?")) {
                    abandon.setTimestamp(1, Timestamp.from(beatenSince));
                    abandon.executeUpdate();
                }
                long running;
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM ledger_verification WHERE state = 'RUNNING'");
                        ResultSet result = count.executeQuery()) {
                    result.next();
                    running = result.getLong(1);
                }
                if (running >= maxRunning) {
                    connection.rollback();
                    return false;
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_verification (id, "
                        + "state, from_global_index, to_global_index, started_by, node, started_at, heartbeat_at) "
                        + "VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, job.id());
                    insert.setLong(2, job.fromGlobalIndex());
                    insert.setLong(3, job.toGlobalIndex());
                    insert.setString(4, job.startedBy());
                    insert.setString(5, node);
                    insert.setTimestamp(6, Timestamp.from(job.startedAt()));
                    insert.setTimestamp(7, Timestamp.from(job.startedAt()));
                    insert.executeUpdate();
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a new ledger verification failed", e);
        }
    }

    void progress(String id, long reachedGlobalIndex, long eventsChecked, Instant now) {
        jdbc.update("UPDATE ledger_verification SET reached_global_index = ?, events_checked = ?, heartbeat_at = ? "
                + "WHERE id = ? AND state = 'RUNNING'", reachedGlobalIndex, eventsChecked, Timestamp.from(now), id);
    }

    void beat(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement update = connection.prepareStatement("UPDATE ledger_verification SET heartbeat_at = ? "
                    + "WHERE id = ANY(?) AND state = 'RUNNING'");
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
            return update;
        });
    }

    /** Its report is kept even when the verification was marked abandoned meanwhile (its node paused too long). */
    void complete(String id, VerificationReport report, Instant now) {
        String written;
        try {
            written = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A verification report could not be written as JSON", e);
        }
        jdbc.update("UPDATE ledger_verification SET state = 'COMPLETED', events_checked = ?, reached_global_index = ?, "
                + "heartbeat_at = ?, finished_at = ?, report = ? WHERE id = ?", report.eventsChecked(),
                report.toGlobalIndex(), Timestamp.from(now), Timestamp.from(now), written, id);
    }

    void fail(String id, String error, Instant now) {
        String cut = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.update("UPDATE ledger_verification SET state = 'FAILED', heartbeat_at = ?, finished_at = ?, error = ? "
                + "WHERE id = ?", Timestamp.from(now), Timestamp.from(now), cut, id);
    }

    /** @param beatenSince a RUNNING verification not beaten since reads ABANDONED */
    Optional<VerificationJob> find(String id, Instant beatenSince) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_verification WHERE id = ?",
                (rows, number) -> read(rows, beatenSince), id).stream().findFirst();
    }

    /** Newest first. */
    List<VerificationJob> page(long offset, int size, Instant beatenSince) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_verification ORDER BY started_at DESC, id "
                + "LIMIT ? OFFSET ?", (rows, number) -> read(rows, beatenSince), size, offset);
    }

    long count() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_verification", Long.class);
    }

    private VerificationJob read(ResultSet rows, Instant beatenSince) throws SQLException {
        VerificationJobState state = VerificationJobState.valueOf(rows.getString("state"));
        if (state == VerificationJobState.RUNNING && rows.getTimestamp("heartbeat_at").toInstant().isBefore(beatenSince)) {
            state = VerificationJobState.ABANDONED;
        }
        long reached = rows.getLong("reached_global_index");
        Long reachedGlobalIndex = rows.wasNull() ? null : reached;
        Timestamp finishedAt = rows.getTimestamp("finished_at");
        String report = rows.getString("report");
        return new VerificationJob(rows.getString("id"), state, rows.getLong("from_global_index"),
                rows.getLong("to_global_index"), rows.getLong("events_checked"), reachedGlobalIndex,
                rows.getString("started_by"), rows.getTimestamp("started_at").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant(), report == null ? null : reportOf(report),
                rows.getString("error"));
    }

    private VerificationReport reportOf(String stored) {
        try {
            return json.readValue(stored, VerificationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored verification report is not readable", e);
        }
    }
}
