package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.RegisterCustomerCommand;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.security.TestTokens;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkpoints written by the schedule over the real event store vouch for its events: the
 * verification counts and checks them, and finds what the chains cannot see (a consistently
 * recomputed hash, an aggregate's last event deleted) and a forged signature. Transactions are
 * bounded at 3 s here, so the safe tail trails the store by 5 s, and a checkpoint is due a second
 * after the last one.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledgerline.event-store.transaction-timeout=3s",
        "ledgerline.event-store.gap-timeout=7s",
        "ledgerline.integrity.checkpoint.interval=1s",
        "ledgerline.integrity.checkpoint.every-events=1000"})
class CheckpointIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    CheckpointKeys keys;
    @Autowired
    TestTokens tokens;
    @Autowired
    DataSource dataSource;

    String accountId;
    /** The account's events' global indexes, by sequence: opened, then two deposits. */
    List<Long> globalIndexes;

    @BeforeEach
    void anAccountWithTwoDepositsCheckpointedByTheSchedule() {
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
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM ledger_checkpoint WHERE to_global_index >= ?", Long.class, last()) > 0);
    }

    @Test
    void theVerificationChecksTheScheduledCheckpointsAndFindsThemIntact() throws Exception {
        JsonNode report = verify();

        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("checkpointBreaks")).isEmpty();
    }

    @Test
    void scheduledCheckpointsFollowEachOtherWithoutGapsWithinTheBound() {
        // those this context's writer signed: the ones from the account's events on
        List<long[]> ranges = jdbc.query("SELECT from_global_index, to_global_index FROM ledger_checkpoint "
                + "WHERE to_global_index >= ? ORDER BY from_global_index",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, globalIndexes.get(0));
        assertThat(ranges).isNotEmpty();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).isEqualTo(ranges.get(i - 1)[1] + 1);
        }
        for (long[] range : ranges) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN ? AND ?",
                    Long.class, range[0], range[1])).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void isDueOnceEveryEventsAreStoredAfterTheLastCheckpointAndCoversNoMoreThanThat() throws Exception {
        long lastEnd = jdbc.queryForObject("SELECT max(to_global_index) FROM ledger_checkpoint", Long.class);
        AccountId account = AccountId.of(accountId);
        for (int deposit = 3; deposit <= 5; deposit++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal(deposit + ".00"), EUR, "deposit " + deposit));
        }
        List<Long> added = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number >= 3 ORDER BY sequence_number", Long.class, accountId);
        CheckpointStore store = new CheckpointStore();

        try (Connection connection = dataSource.getConnection()) {
            // the scheduled writer cannot reach these yet (its safe tail trails by 5 s); it may hold the lock a moment
            List<Checkpoint> written = await().atMost(Duration.ofSeconds(3)).until(() -> store.writeDue(connection,
                    added.get(2), 2, lastSignedAt -> false, 10, keys), checkpoints -> !checkpoints.isEmpty());

            assertThat(written).singleElement().satisfies(checkpoint -> {
                assertThat(checkpoint.fromGlobalIndex()).isEqualTo(lastEnd + 1);
                assertThat(checkpoint.toGlobalIndex()).isEqualTo(added.get(1));
            });
            assertThat(store.writeDue(connection, added.get(2), 2, lastSignedAt -> false, 10, keys))
                    .as("one event after the last checkpoint is not yet due").isEmpty();
        }
    }

    @Test
    void listsTheCheckpointsWithTheirSignaturesAndThePublicKeyToAnAuditor() throws Exception {
        long total = jdbc.queryForObject("SELECT count(*) FROM ledger_checkpoint", Long.class);
        JsonNode page = json.readTree(audit("/api/audit/checkpoints?page=" + (total - 1) + "&size=1").getBody());

        assertThat(page.path("totalCheckpoints").asLong()).isEqualTo(total);
        assertThat(page.path("publicKey").asText()).isEqualTo(keys.publicKeyBase64());
        JsonNode newest = page.path("checkpoints").get(0);
        assertThat(newest.path("toGlobalIndex").asLong()).isGreaterThanOrEqualTo(last());
        assertThat(newest.path("signedAt").asText()).isNotBlank();
        assertThat(Checkpoint.hashOf(newest.path("fromGlobalIndex").asLong(), newest.path("toGlobalIndex").asLong(),
                newest.path("merkleRoot").asText(), !newest.path("previousHash").isNull() ? newest.path("previousHash").asText() : null))
                .isEqualTo(newest.path("hash").asText());
        assertThat(CheckpointPublicKey.of(page.path("publicKey").asText()).verify(
                HexFormat.of().parseHex(newest.path("hash").asText()), newest.path("signature").asText())).isTrue();
    }

    @Test
    void refusesAPageLargerThanTheBound() throws Exception {
        ResponseEntity<String> answer = audit("/api/audit/checkpoints?size=201");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void reportsAForgedSignature() throws Exception {
        String forged = CheckpointKeys.generated().sign(new byte[32]);
        long[] range = checkpointCovering(last());
        jdbc.update("UPDATE ledger_checkpoint SET signature = ? WHERE from_global_index = ?", forged, range[0]);

        assertThat(checkpointBreaks(verify())).containsExactly(new Found(range[0], range[1], "CHECKPOINT_SIGNATURE"));
    }

    @Test
    void reportsAConsistentlyRecomputedChainByTheCheckpointRoot() throws Exception {
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
        row.metadata().put(ChainMetadata.HASH, row.recomputedHash(row.storedPreviousHash()));
        jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                json.writeValueAsBytes(row.metadata()), altered);

        JsonNode report = verify();

        assertThat(report.path("breaks")).as("the chain alone holds").isEmpty();
        long[] range = checkpointCovering(altered);
        assertThat(checkpointBreaks(report)).containsExactly(new Found(range[0], range[1], "CHECKPOINT_ROOT"));
    }

    @Test
    void reportsTheDeletedLastEventOfAnAggregateByTheCheckpointRoot() throws Exception {
        long[] range = checkpointCovering(last());
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", last());

        JsonNode report = verify();

        assertThat(report.path("breaks")).as("no successor names the deleted event").isEmpty();
        assertThat(checkpointBreaks(report)).containsExactly(new Found(range[0], range[1], "CHECKPOINT_ROOT"));
    }

    record Found(long fromGlobalIndex, long toGlobalIndex, String kind) {
    }

    private static List<Found> checkpointBreaks(JsonNode report) {
        assertThat(report.path("intact").asBoolean()).isFalse();
        List<Found> found = new ArrayList<>();
        report.path("checkpointBreaks").forEach(one -> found.add(new Found(one.path("fromGlobalIndex").asLong(),
                one.path("toGlobalIndex").asLong(), one.path("kind").asText())));
        assertThat(report.path("checkpointBreaksFound").asLong()).isEqualTo(found.size());
        return found;
    }

    private long[] checkpointCovering(long globalIndex) {
        return jdbc.queryForObject("SELECT from_global_index, to_global_index FROM ledger_checkpoint "
                + "WHERE from_global_index <= ? AND to_global_index >= ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, globalIndex, globalIndex);
    }

    private JsonNode verify() throws Exception {
        return verify(globalIndexes.get(0), last());
    }

    private JsonNode verify(long from, long to) throws Exception {
        return new VerificationRuns(http, json).report(from, to);
    }

    private ResponseEntity<String> audit(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.token("auditor-" + UUID.randomUUID(), List.of(Roles.AUDITOR), null));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private long last() {
        return globalIndexes.get(2);
    }
}
