package io.ledgerline.command.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Chains, from genesis, every aggregate that has an event without a hash: all of them when the
 * migration that introduced chains runs ({@code V10__chain_existing_events}). Rows that were chained
 * already and are intact get the hashes they had.
 */
public final class ExistingEventChaining {

    /** What was chained: how many events, up to which global index (0 when none). */
    public record Chained(long events, long highestGlobalIndex) {
    }

    private static final int BATCH = 1_000;

    private final ObjectMapper json = new ObjectMapper();

    public Chained chainUnchainedAggregates(Connection connection) throws SQLException {
        long chained = 0;
        long highest = 0;
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?")) {
            select.setFetchSize(BATCH);
            String aggregate = null;
            String previous = ChainMetadata.GENESIS;
            try (ResultSet rows = select.executeQuery("SELECT " + StoredEventRow.COLUMNS + """
                     FROM domain_event_entry
                    WHERE aggregate_identifier IN (
                        SELECT aggregate_identifier FROM domain_event_entry
                         WHERE meta_data IS NULL OR position(convert_to('"%s"', 'UTF8') in meta_data) = 0)
                    ORDER BY aggregate_identifier, sequence_number""".formatted(ChainMetadata.HASH))) {
                while (rows.next()) {
                    StoredEventRow row = StoredEventRow.read(rows, json);
                    if (!row.aggregateId().equals(aggregate)) {
                        aggregate = row.aggregateId();
                        previous = ChainMetadata.GENESIS;
                    }
                    String hash = row.recomputedHash(previous);
                    row.metadata().put(ChainMetadata.HASH, hash).put(ChainMetadata.PREVIOUS_HASH, previous);
                    update.setBytes(1, json.writeValueAsBytes(row.metadata()));
                    update.setLong(2, row.globalIndex());
                    update.addBatch();
                    previous = hash;
                    highest = Math.max(highest, row.globalIndex());
                    if (++chained % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Metadata that was read as JSON could not be written back", e);
            }
            update.executeBatch();
        }
        return new Chained(chained, highest);
    }
}
