package io.ledgerline.bench.store;

import io.ledgerline.command.integrity.ChainVerification;
import io.ledgerline.command.integrity.CheckpointCheck;
import io.ledgerline.command.integrity.CheckpointPublicKey;
import io.ledgerline.command.integrity.StoredEventRow;
import io.ledgerline.command.integrity.VerificationReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGStatement;

/**
 * Verifies the whole event store as {@code POST /api/admin/ledger-verifications} and the
 * command-line tool do, in consecutive ranges of a million global indexes, with the checkpoints
 * overlapping them when a public key is given, and measures the rate (target: 50,000 events/s).
 */
public final class LedgerVerificationRate {

    /** As one verification request covers at most (ledgerline.integrity.max-verification-range). */
    private static final long RANGE = 1_000_000;
    private static final int SCAN_FETCH = 1_000;

    /**
     * @param intact whether every chain and checkpoint held: a benchmark store verifies intact, or the
     *               figure measured something else than the verification of a sound ledger
     */
    public record Result(long events, long checkpoints, double seconds, boolean intact, Scan scan) {

        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }

        /** The verification's rate as a share of what the database alone delivers in the same run. */
        public double shareOfScan() {
            return scan.eventsPerSecond() > 0 ? eventsPerSecond() / scan.eventsPerSecond() : 0;
        }
    }

    /**
     * A plain full scan of the same rows and columns over JDBC, as the verification streams them: the
     * rate the database and the driver alone deliver on this machine, measured in the same run, so
     * that the verification's figure reads against it and not against the machine's load of the day.
     */
    public record Scan(long rows, long payloadAndMetadataBytes, double seconds) {

        public double eventsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Consumer<String> progress;

    public LedgerVerificationRate(String jdbcUrl, String user, String password, Consumer<String> progress) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.progress = progress;
    }

    /** @param publicKey the checkpoints' public key, base64 X.509; null to verify the chains only */
    public Result measure(String publicKey) {
        CheckpointCheck checkpoints = publicKey == null ? null : new CheckpointCheck(CheckpointPublicKey.of(publicKey));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            long last = lastGlobalIndex(connection);
            progress.accept(String.format("Verifying the event store up to global index %,d%s", last,
                    checkpoints == null ? " (chains only)" : " with its checkpoints"));
            Scan scan = scan(connection, last);
            progress.accept(String.format("  plain scan of the same rows: %,d (%,d MB of payload and metadata) in %.1f s, %,.0f rows/s",
                    scan.rows(), scan.payloadAndMetadataBytes() >> 20, scan.seconds(), scan.eventsPerSecond()));
            ChainVerification verification = new ChainVerification();
            long events = 0;
            long checkpointsChecked = 0;
            boolean intact = true;
            long started = System.nanoTime();
            for (long start = 0; start <= last; start += RANGE) {
                VerificationReport part = verification.verify(connection, start, Math.min(last, start + RANGE - 1),
                        checkpoints, start == 0);
                events += part.eventsChecked();
                checkpointsChecked += part.checkpointsChecked();
                intact &= part.intact();
            }
            Result result = new Result(events, checkpointsChecked, (System.nanoTime() - started) / 1e9, intact, scan);
            progress.accept(String.format("  verified %,d events and %,d checkpoints in %.1f s: %,.0f events/s (%.0f %% of the plain scan), %s",
                    result.events(), result.checkpoints(), result.seconds(), result.eventsPerSecond(),
                    100 * result.shareOfScan(), intact ? "intact" : "NOT intact"));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify the event store", e);
        }
    }

    /** Reads every column the verification reads, in the same ranges, and does nothing with them. */
    private static Scan scan(Connection connection, long last) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long rows = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEventRow.COLUMNS
                + " FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index")) {
            select.setFetchSize(SCAN_FETCH);
            // binary transfer, as the verification asks for it
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            for (long start = 0; start <= last; start += RANGE) {
                select.setLong(1, start);
                select.setLong(2, Math.min(last, start + RANGE - 1));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        row.getLong(1);
                        row.getString(2);
                        row.getString(3);
                        row.getLong(4);
                        row.getString(5);
                        row.getString(6);
                        row.getString(7);
                        row.getString(8);
                        bytes += length(row.getBytes(9)) + length(row.getBytes(10));
                        rows++;
                    }
                }
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Scan(rows, bytes, (System.nanoTime() - started) / 1e9);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        }
    }
}
