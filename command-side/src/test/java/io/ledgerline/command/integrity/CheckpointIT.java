package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints written over the real event store vouch for its events: tampering that the chains
 * cannot see (a consistently recomputed hash, an aggregate's last event deleted) and a forged
 * signature are found by checking the checkpoints of the range.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest
class CheckpointIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();
    private final CheckpointKeys keys = CheckpointKeys.generated();
    private final CheckpointStore store = new CheckpointStore();

    String accountId;
    /** The account's events' global indexes, by sequence: opened, then two deposits. */
    List<Long> globalIndexes;

    @BeforeEach
    void anAccountWithTwoDepositsCheckpointed() throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Checkpointed", "cp-" + customerId + "@example.org"));
        AccountId account = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(account, customerId, EUR, null));
        for (int deposit = 1; deposit <= 2; deposit++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal(deposit + ".00"), EUR, "deposit " + deposit));
        }
        accountId = account.value();
        globalIndexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, accountId);
        try (Connection connection = dataSource.getConnection()) {
            // another test class's keys signed what is checkpointed already: only this account's range is checked
            jdbc.update("DELETE FROM ledger_checkpoint");
            assertThat(store.writeUpTo(connection, head(), 1_000_000, keys)).isNotEmpty();
        }
    }

    @Test
    void aWrittenCheckpointCoversTheEventsAndVerifies() throws Exception {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_checkpoint WHERE from_global_index <= ? "
                + "AND to_global_index >= ?", Long.class, globalIndexes.get(0), globalIndexes.get(2))).isEqualTo(1);
        assertThat(checkpointBreaks()).isEmpty();
    }

    @Test
    void aConsistentlyRecomputedHashPassesTheChainButNotTheCheckpointRoot() throws Exception {
        long altered = globalIndexes.get(2);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, altered);
        int digit = new String(payload, StandardCharsets.UTF_8).indexOf("\"amount\"");
        while (!Character.isDigit(payload[digit])) {
            digit++;
        }
        payload[digit] = (byte) (payload[digit] == '9' ? '8' : payload[digit] + 1);
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, altered);
        StoredEventRow row = jdbc.queryForObject("SELECT " + StoredEventRow.COLUMNS
                + " FROM domain_event_entry WHERE global_index = ?", (rows, n) -> StoredEventRow.read(rows, json), altered);
        String recomputed = row.recomputedHash(row.storedPreviousHash());
        assertThat(recomputed).isNotEqualTo(row.storedHash());
        row.metadata().put(ChainMetadata.HASH, recomputed);
        jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                json.writeValueAsBytes(row.metadata()), altered);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(new ChainVerification().verify(connection, globalIndexes.get(0), altered).breaks()).isEmpty();
        }
        assertThat(checkpointBreaks()).extracting(CheckpointBreak::kind)
                .containsExactly(CheckpointBreak.Kind.CHECKPOINT_ROOT);
    }

    @Test
    void deletingTheLastEventOfAnAggregateIsCaughtByTheCheckpointRoot() throws Exception {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndexes.get(2));

        assertThat(checkpointBreaks()).extracting(CheckpointBreak::kind)
                .containsExactly(CheckpointBreak.Kind.CHECKPOINT_ROOT);
    }

    @Test
    void aTamperedSignatureIsCaught() throws Exception {
        String forged = CheckpointKeys.generated().sign(new byte[32]);
        jdbc.update("UPDATE ledger_checkpoint SET signature = ? WHERE from_global_index <= ? AND to_global_index >= ?",
                forged, globalIndexes.get(0), globalIndexes.get(0));

        assertThat(checkpointBreaks()).extracting(CheckpointBreak::kind)
                .containsExactly(CheckpointBreak.Kind.CHECKPOINT_SIGNATURE);
    }

    private List<CheckpointBreak> checkpointBreaks() throws Exception {
        List<CheckpointBreak> breaks = new ArrayList<>();
        CheckpointCheck check = new CheckpointCheck(keys);
        try (Connection connection = dataSource.getConnection()) {
            List<Checkpoint> checkpoints = store.overlapping(connection, globalIndexes.get(0), globalIndexes.get(2));
            assertThat(checkpoints).isNotEmpty();
            for (Checkpoint checkpoint : checkpoints) {
                Checkpoint previous = store.endingBefore(connection, checkpoint.fromGlobalIndex()).orElse(null);
                breaks.addAll(check.check(checkpoint, previous, store.storedHashes(connection, checkpoint)));
            }
        }
        return breaks;
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }
}
