package io.ledgerline.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.integrity.ChainMetadata;
import io.ledgerline.command.integrity.ChainedEvent;
import io.ledgerline.command.integrity.EventHash;
import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.LocalStackOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DepositBulkLoadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENT_STORE_SCHEMA =
            Path.of("..", "command-side", "src", "main", "resources", "db", "migration", "V1__axon_event_store.sql");
    private static final String DEPOSITED = "io.ledgerline.events.MoneyDeposited";

    @Test
    void continuesEachDepositAccountsSequenceAndBalanceWithFreshIdsInCommitOrder() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPostgres(), System.out::println);
             Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("ledgerline_command"),
                     stack.postgresUser(), stack.postgresPassword())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(EVENT_STORE_SCHEMA));
            }
            store(connection, "account-a", 0, "io.ledgerline.events.AccountOpened", "{\"accountId\":\"account-a\"}");
            store(connection, "account-a", 1, DEPOSITED, deposit("account-a", "10.00", "10.00"));
            store(connection, "account-b", 0, DEPOSITED, deposit("account-b", "5.50", "5.50"));
            // its latest event is no deposit: the copies would contradict it
            store(connection, "account-c", 0, DEPOSITED, deposit("account-c", "1.00", "1.00"));
            store(connection, "account-c", 1, "io.ledgerline.events.AccountFrozen", "{\"accountId\":\"account-c\"}");

            long appended = new DepositBulkLoad(stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(),
                    stack.postgresPassword(), System.out::println).append(5_001);

            assertThat(appended).isEqualTo(5_001);
            List<JsonNode> copiesOfA = new ArrayList<>();
            Set<String> eventIds = new HashSet<>();
            long previousIndex = 5;
            long expectedSequenceOfA = 2;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM domain_event_entry WHERE global_index > 5 ORDER BY global_index")) {
                while (rows.next()) {
                    assertThat(rows.getLong("global_index")).isEqualTo(previousIndex + 1);
                    previousIndex = rows.getLong("global_index");
                    assertThat(rows.getString("aggregate_identifier")).isIn("account-a", "account-b");
                    assertThat(rows.getString("payload_type")).isEqualTo(DEPOSITED);
                    assertThat(rows.getString("payload_revision")).isEqualTo("4");
                    assertThat(rows.getString("type")).isEqualTo("Account");
                    assertThat(eventIds.add(rows.getString("event_identifier"))).isTrue();
                    JsonNode meta = JSON.readTree(rows.getBytes("meta_data"));
                    assertThat(meta.path("correlationId").asText()).isEqualTo(rows.getString("event_identifier"));
                    assertThat(meta.path("user").asText()).isEqualTo("bench");
                    if (rows.getString("aggregate_identifier").equals("account-a")) {
                        assertThat(rows.getLong("sequence_number")).isEqualTo(expectedSequenceOfA++);
                        copiesOfA.add(JSON.readTree(new String(rows.getBytes("payload"), StandardCharsets.UTF_8)));
                    }
                }
            }
            assertThat(previousIndex).isEqualTo(5 + 5_001);
            assertThat(copiesOfA).hasSize(2_501);
            BigDecimal balance = new BigDecimal("10.00");
            for (JsonNode copy : copiesOfA) {
                balance = balance.add(new BigDecimal(copy.path("amount").path("amount").asText()));
                assertThat(new BigDecimal(copy.path("balance").path("amount").asText())).isEqualByComparingTo(balance);
                assertThat(copy.path("accountId").asText()).isEqualTo("account-a");
                assertThat(copy.path("amount").path("currency").asText()).isEqualTo("EUR");
                assertThat(copy.path("description").asText()).isEqualTo("v2:c2VhbGVk");
            }
        }
    }

    private static String deposit(String account, String amount, String balance) {
        return "{\"accountId\":\"" + account + "\",\"customerId\":\"customer-1\","
                + "\"amount\":{\"amount\":" + amount + ",\"currency\":\"EUR\"},"
                + "\"balance\":{\"amount\":" + balance + ",\"currency\":\"EUR\"},\"description\":\"v2:c2VhbGVk\",\"reference\":null}";
    }

    @Test
    void chainsEveryCopySoThatTheStoreVerifiesIntactAndMeasuresTheVerificationRate() throws Exception {
        long events = Long.getLong("ledgerline.bench.verification-events", 20_000);
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPostgres(), System.out::println);
             Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("ledgerline_command"),
                     stack.postgresUser(), stack.postgresPassword())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(EVENT_STORE_SCHEMA));
            }
            for (int account = 0; account < 100; account++) {
                store(connection, "account-" + account, 0, DEPOSITED, deposit("account-" + account, "1.00", "1.00"));
            }
            new DepositBulkLoad(stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(),
                    stack.postgresPassword(), System.out::println).append(events);

            LedgerVerificationRate.Result verified = new LedgerVerificationRate(stack.postgresJdbcUrl("ledgerline_command"),
                    stack.postgresUser(), stack.postgresPassword(), System.out::println).measure(null);

            assertThat(verified.intact()).isTrue();
            assertThat(verified.events()).isEqualTo(100 + events);
            assertThat(verified.eventsPerSecond()).isPositive();
            assertThat(verified.scan().rows()).isEqualTo(verified.events());
            assertThat(verified.scan().eventsPerSecond()).isPositive();
        }
    }

    private final Map<String, String> lastHashes = new HashMap<>();

    /** Stored as the command side's storage engine stores it: linked into the aggregate's chain. */
    private void store(Connection connection, String aggregate, long sequence, String payloadType, String payload)
            throws Exception {
        String eventId = aggregate + "-" + sequence;
        String previous = lastHashes.getOrDefault(aggregate, ChainMetadata.GENESIS);
        String hash = EventHash.of(previous, new ChainedEvent("Account", aggregate, sequence, eventId,
                "2026-11-24T00:00:00Z", payloadType, payloadType.equals(DEPOSITED) ? "4" : null,
                payload.getBytes(StandardCharsets.UTF_8), Map.of("user", "bench", "correlationId", "request-1")));
        lastHashes.put(aggregate, hash);
        String metaData = "{\"user\":\"bench\",\"correlationId\":\"request-1\",\"" + ChainMetadata.HASH + "\":\"" + hash
                + "\",\"" + ChainMetadata.PREVIOUS_HASH + "\":\"" + previous + "\"}";
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Account', ?, '2026-11-24T00:00:00Z', ?, ?, ?, ?)""")) {
            insert.setString(1, aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, eventId);
            insert.setString(4, payloadType);
            insert.setString(5, payloadType.equals(DEPOSITED) ? "4" : null);
            insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(7, metaData.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
