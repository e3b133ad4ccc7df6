package io.ledgerline.command.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Verifies ranges of the command side's own event store, within the configured bounds. */
@Service
@EnableConfigurationProperties(IntegrityProperties.class)
public class LedgerVerifier {

    private final DataSource dataSource;
    private final IntegrityProperties properties;
    /** Null when checkpoints are disabled: then none is checked. */
    private final CheckpointCheck checkpoints;

    LedgerVerifier(DataSource dataSource, IntegrityProperties properties, ObjectProvider<CheckpointKeys> keys) {
        this.dataSource = dataSource;
        this.properties = properties;
        CheckpointKeys configured = keys.getIfAvailable();
        this.checkpoints = configured == null ? null : new CheckpointCheck(configured.publicKey());
    }

    /**
     * @param fromGlobalIndex null for the first
     * @param toGlobalIndex   null for the last stored when it starts
     */
    public VerificationReport verify(Long fromGlobalIndex, Long toGlobalIndex) {
        return verify(fromGlobalIndex, toGlobalIndex, VerificationProgress.NONE);
    }

    /** As {@link #verify(Long, Long)}, telling progress after each batch of events read. */
    public VerificationReport verify(Long fromGlobalIndex, Long toGlobalIndex, VerificationProgress progress) {
        long from = fromGlobalIndex == null ? 0 : fromGlobalIndex;
        long to = toGlobalIndex == null ? lastGlobalIndex() : toGlobalIndex;
        if (from > to && toGlobalIndex != null) {
            throw new VerificationRangeReversed(from, to);
        }
        if (to >= from && to - from >= properties.maxVerificationRange()) {
            throw new VerificationRangeTooLarge(from, to, properties.maxVerificationRange());
        }
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerification().verify(connection, from, to, checkpoints, true, progress)
                    .limitedTo(properties.maxReportedBreaks());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the event store to verify it failed", e);
        }
    }

    private long lastGlobalIndex() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                Long.class);
    }
}
