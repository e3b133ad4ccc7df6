package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command side's event store (Axon's {@code domain_event_entry}), read over JDBC: the truth
 * every other record of the ledger is compared with.
 */
public final class EventStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> jdbcUrl;
    private final String user;
    private final String password;

    /** @param jdbcUrl asked again on every read, since the database server may have been restarted */
    public EventStore(Supplier<String> jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public Ledger ledger() {
        return Ledger.of(events());
    }

    public List<StoredEvent> events() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), user, password);
             PreparedStatement query = connection.prepareStatement("SELECT global_index, aggregate_identifier, "
                     + "sequence_number, payload_type, payload, time_stamp FROM domain_event_entry ORDER BY global_index");
             ResultSet rows = query.executeQuery()) {
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                String payloadType = rows.getString("payload_type");
                events.add(new StoredEvent(rows.getLong("global_index"), rows.getString("aggregate_identifier"),
                        rows.getLong("sequence_number"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                        JSON.readTree(new String(rows.getBytes("payload"), StandardCharsets.UTF_8)),
                        Instant.parse(rows.getString("time_stamp"))));
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
    }

    /** Transfers requested and neither completed nor failed yet: a transfer's own events after the request end it. */
    public long unfinishedTransfers() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), user, password);
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM domain_event_entry requested "
                     + "WHERE requested.payload_type LIKE '%.TransferRequested' AND NOT EXISTS (SELECT 1 FROM domain_event_entry later "
                     + "WHERE later.aggregate_identifier = requested.aggregate_identifier AND later.sequence_number > 0)");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
    }

    /** Token owners of a tracking processor on the command side, one per segment that is claimed. */
    public List<String> tokenOwners(String processor) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), user, password);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT owner FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            query.setString(1, processor);
            List<String> owners = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString("owner"));
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the token store", e);
        }
    }
}
