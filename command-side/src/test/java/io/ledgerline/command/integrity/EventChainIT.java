package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.EraseCustomerCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class EventChainIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void linksEveryAppendedEventToItsAggregatesPreviousOneOverTheStoredBytes() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Chain Holder", "chain-" + customerId + "@example.org"));
        AccountId accountId = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(accountId, customerId, EUR, null));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("10.00"), EUR, "first"));
        commands.sendAndWait(new DepositMoneyCommand(accountId, new BigDecimal("2.50"), EUR, "second"));

        assertChained(rowsOf(accountId.value()), 3);
        assertChained(rowsOf(customerId.value()), 1);
    }

    @Test
    void erasingACustomerKeepsTheChainOfItsSealedEventsValid() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Gone Soon", "gone-" + customerId + "@example.org"));

        commands.sendAndWait(new EraseCustomerCommand(customerId));

        assertChained(rowsOf(customerId.value()), 2);
    }

    @Test
    void theMigrationStepChainsEventsStoredBeforeChainingFromGenesis() throws Exception {
        String aggregateId = "unchained-" + UUID.randomUUID();
        storeUnchained(aggregateId, 0, "{\"user\":\"teller-1\",\"correlationId\":\"c-1\"}");
        storeUnchained(aggregateId, 1, "{}");

        ExistingEventChaining.Chained chained;
        try (Connection connection = dataSource.getConnection()) {
            chained = new ExistingEventChaining().chainUnchainedAggregates(connection);
        }

        assertThat(chained.events()).isGreaterThanOrEqualTo(2);
        List<StoredEventRow> rows = rowsOf(aggregateId);
        assertChained(rows, 2);
        assertThat(rows.get(0).event().businessMetadata()).containsEntry("user", "teller-1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain_origin", Long.class))
                .as("the migration recorded where the chained history starts").isEqualTo(1L);
    }

    private void assertChained(List<StoredEventRow> rows, int expectedEvents) {
        assertThat(rows).hasSize(expectedEvents);
        String previous = ChainMetadata.GENESIS;
        for (StoredEventRow row : rows) {
            assertThat(row.storedPreviousHash()).as("previous hash of sequence %d", row.sequence()).isEqualTo(previous);
            assertThat(row.storedHash()).as("hash of sequence %d", row.sequence())
                    .matches("[0-9a-f]{64}")
                    .isEqualTo(row.recomputedHash(previous));
            previous = row.storedHash();
        }
    }

    private List<StoredEventRow> rowsOf(String aggregateId) {
        return jdbc.query("SELECT " + StoredEventRow.COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", (row, index) -> StoredEventRow.read(row, json), aggregateId);
    }

    private void storeUnchained(String aggregateId, long sequence, String metadata) {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Account', ?, '2026-11-24T00:00:00Z',
                    'io.ledgerline.events.AccountFrozen', NULL, ?, ?)""",
                aggregateId, sequence, UUID.randomUUID().toString(),
                "{\"accountId\":\"x\"}".getBytes(StandardCharsets.UTF_8), metadata.getBytes(StandardCharsets.UTF_8));
    }
}
