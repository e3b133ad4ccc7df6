package io.ledgerline.bench.store;

import io.ledgerline.command.integrity.ChainVerification;
import io.ledgerline.command.integrity.CheckpointCheck;
import io.ledgerline.command.integrity.CheckpointPublicKey;
import io.ledgerline.command.integrity.VerificationReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Verifies the whole event store as {@code POST /api/admin/ledger-verifications} and the
 * command-line tool do, in consecutive ranges of a million global indexes, with the checkpoints
 * overlapping them when a public key is given, and measures the rate (target: 50,000 events/s).
 */
public final class LedgerVerificationRate {

    /** As one verification request covers at most (ledgerline.integrity.max-verification-range). */
    private static final long RANGE = 1_000_000;

    /**
     * @param intact whether every chain and checkpoint held: a benchmark store verifies intact, or the
     *               figure measured something else than the verification of a sound ledger
     */
    public record Result(long events, long checkpoints, double seconds, boolean intact) {

        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
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
            Result result = new Result(events, checkpointsChecked, (System.nanoTime() - started) / 1e9, intact);
            progress.accept(String.format("  verified %,d events and %,d checkpoints in %.1f s: %,.0f events/s, %s",
                    result.events(), result.checkpoints(), result.seconds(), result.eventsPerSecond(),
                    intact ? "intact" : "NOT intact"));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify the event store", e);
        }
    }

    private static long lastGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            last.next();
            return last.getLong(1);
        }
    }
}
