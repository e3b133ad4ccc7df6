package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.PersonalDataField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final SealedText sealedText;

    /**
     * @param jdbcUrl              asked again on every read, since the database server may have been restarted
     * @param keyEncryptionKeyFile the running system's KEK, to open the descriptions of bookings
     */
    public EventStore(Supplier<String> jdbcUrl, String user, String password, Path keyEncryptionKeyFile) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.sealedText = new SealedText(keyEncryptionKeyFile);
    }

    public Ledger ledger() {
        return Ledger.of(events());
    }

    public List<StoredEvent> events() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl.get(), user, password);
             PreparedStatement query = connection.prepareStatement("SELECT global_index, aggregate_identifier, "
                     + "sequence_number, payload_type, payload, time_stamp FROM domain_event_entry ORDER BY global_index");
             ResultSet rows = query.executeQuery()) {
            SealedText.Reader text = sealedText.reader(connection);
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                String payloadType = rows.getString("payload_type");
                String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
                JsonNode payload = JSON.readTree(new String(rows.getBytes("payload"), StandardCharsets.UTF_8));
                events.add(new StoredEvent(rows.getLong("global_index"), rows.getString("aggregate_identifier"),
                        rows.getLong("sequence_number"), type, withOpenedDescription(type, payload, text),
                        Instant.parse(rows.getString("time_stamp"))));
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
    }

    private static JsonNode withOpenedDescription(String type, JsonNode payload, SealedText.Reader text)
            throws SQLException {
        boolean booking = type.equals("MoneyDeposited") || type.equals("MoneyWithdrawn");
        if (booking && payload.path("description").isTextual() && payload.path("customerId").isTextual()) {
            ((ObjectNode) payload).put("description", text.open(payload.path("customerId").asText(),
                    PersonalDataField.DESCRIPTION, payload.path("description").asText()));
        }
        return payload;
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
