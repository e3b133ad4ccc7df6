package io.ledgerline.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.command.integrity.ChainMetadata;
import io.ledgerline.command.integrity.ChainedEvent;
import io.ledgerline.command.integrity.EventHash;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Appends deposits straight to the event store, for a store of a million events that the command API
 * could only write in hours. Each new event is a copy of its account's latest {@code MoneyDeposited}
 * (same payload type, revision and metadata keys) with the next sequence number, a fresh event id
 * and the balance carried forward, so the command side loads these accounts and the projections
 * apply these events exactly as if clients had deposited. Each copy is linked into its account's hash
 * chain as the command side's storage engine would link it, so the store verifies intact (README,
 * "Proving the books") and the verification of a million events can be measured on it.
 *
 * <p>Only accounts whose latest event is a deposit take part, and nothing else may write to them
 * meanwhile. Chunks are committed one by one and stay well below the tracking processors' gap
 * window, so the command side's publisher forwards every event to Kafka.
 */
public final class DepositBulkLoad {

    private static final int CHUNK = 2_000;
    private static final BigDecimal AMOUNT = new BigDecimal("1.00");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Consumer<String> progress;

    public DepositBulkLoad(String jdbcUrl, String user, String password, Consumer<String> progress) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.progress = progress;
    }

    /** The latest deposit of an account whose newest event it is: the template of the copies. */
    private static final class AccountTail {
        final String aggregateId;
        final String type;
        final String payloadType;
        final String payloadRevision;
        final ObjectNode payload;
        final ObjectNode metaData;
        long sequence;
        BigDecimal balance;
        String lastHash;

        AccountTail(ResultSet row) throws SQLException, IOException {
            aggregateId = row.getString("aggregate_identifier");
            type = row.getString("type");
            payloadType = row.getString("payload_type");
            payloadRevision = row.getString("payload_revision");
            payload = (ObjectNode) JSON.readTree(row.getBytes("payload"));
            byte[] meta = row.getBytes("meta_data");
            metaData = meta == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(meta);
            sequence = row.getLong("sequence_number");
            balance = new BigDecimal(payload.path("balance").path("amount").asText());
            // an unchained template: the next event chains from genesis, as the storage engine does
            lastHash = metaData.path(ChainMetadata.HASH).isTextual() ? metaData.path(ChainMetadata.HASH).asText()
                    : ChainMetadata.GENESIS;
        }
    }

    /** Appends {@code events} deposits spread over the accounts; returns how many were appended. */
    public long append(long events) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            List<AccountTail> accounts = accountsEndingInADeposit(connection);
            if (accounts.isEmpty()) {
                throw new IllegalStateException("No account ends in a deposit: nothing to copy deposits from");
            }
            progress.accept(String.format("Appending %,d deposits straight to the event store over %d accounts",
                    events, accounts.size()));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long appended = 0;
            long reportAt = 0;
            int next = 0;
            while (appended < events) {
                int chunk = (int) Math.min(CHUNK, events - appended);
                long[] globalIndices = globalIndices(connection, chunk);
                StringBuilder rows = new StringBuilder(chunk * 600);
                for (int i = 0; i < chunk; i++) {
                    appendRow(rows, globalIndices[i], accounts.get(next));
                    next = (next + 1) % accounts.size();
                }
                copy.copyIn("COPY domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data) FROM STDIN",
                        new StringReader(rows.toString()));
                connection.commit();
                appended += chunk;
                if (appended >= reportAt) {
                    progress.accept(String.format("  appended %,d of %,d", appended, events));
                    reportAt += Math.max(events / 10, CHUNK);
                }
            }
            return appended;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not append deposits to the event store", e);
        }
    }

    private static List<AccountTail> accountsEndingInADeposit(Connection connection) throws SQLException, IOException {
        List<AccountTail> accounts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, type, sequence_number, payload_type,
                       payload_revision, payload, meta_data
                FROM domain_event_entry
                WHERE type = 'Account'
                ORDER BY aggregate_identifier, sequence_number DESC""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (rows.getString("payload_type").endsWith(".MoneyDeposited")) {
                    accounts.add(new AccountTail(rows));
                }
            }
        }
        connection.commit();
        return accounts;
    }

    private static long[] globalIndices(Connection connection, int count) throws SQLException {
        long[] indices = new long[count];
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT nextval('domain_event_entry_seq') FROM generate_series(1, ?)")) {
            query.setInt(1, count);
            try (ResultSet rows = query.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    indices[i] = rows.getLong(1);
                }
            }
        }
        return indices;
    }

    private static void appendRow(StringBuilder rows, long globalIndex, AccountTail account) throws IOException {
        String eventId = UUID.randomUUID().toString();
        account.sequence++;
        account.balance = account.balance.add(AMOUNT);
        ObjectNode payload = account.payload.deepCopy();
        setAmount((ObjectNode) payload.path("amount"), AMOUNT);
        setAmount((ObjectNode) payload.path("balance"), account.balance);
        // the free text stays the template's: sealed for the same owner and field, it opens as the template does
        ObjectNode metaData = account.metaData.deepCopy();
        // each copy is its own request as far as the audit trail can tell
        for (String key : List.of("correlationId", "traceId", "causationId")) {
            if (metaData.has(key)) {
                metaData.put(key, eventId);
            }
        }
        String timestamp = Instant.now().toString();
        byte[] payloadBytes = JSON.writeValueAsBytes(payload);
        Map<String, Object> metaDataValues = new HashMap<>();
        // as the verification reads stored metadata: text of a value, JSON of anything else, no nulls
        metaData.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                metaDataValues.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString());
            }
        });
        String hash = EventHash.of(account.lastHash, new ChainedEvent(account.type, account.aggregateId, account.sequence,
                eventId, timestamp, account.payloadType, account.payloadRevision, payloadBytes,
                ChainMetadata.businessPart(metaDataValues)));
        metaData.put(ChainMetadata.HASH, hash).put(ChainMetadata.PREVIOUS_HASH, account.lastHash);
        account.lastHash = hash;
        rows.append(globalIndex).append('\t')
                .append(account.aggregateId).append('\t')
                .append(account.sequence).append('\t')
                .append(account.type).append('\t')
                .append(eventId).append('\t')
                .append(timestamp).append('\t')
                .append(account.payloadType).append('\t')
                .append(account.payloadRevision == null ? "\\N" : account.payloadRevision).append('\t')
                .append(bytea(payloadBytes)).append('\t')
                .append(bytea(JSON.writeValueAsBytes(metaData))).append('\n');
    }

    /** Written as the serializer wrote the template: a JSON number or a string. */
    private static void setAmount(ObjectNode money, BigDecimal amount) {
        if (money.path("amount").isNumber()) {
            money.put("amount", amount);
        } else {
            money.put("amount", amount.toPlainString());
        }
    }

    /** bytea in COPY's text format: the hex form, its backslash escaped for COPY. */
    private static String bytea(byte[] bytes) {
        return "\\\\x" + HEX.formatHex(bytes);
    }
}
