package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.command.account.OpenAccountCommand;
import io.ledgerline.command.customer.EraseCustomerCommand;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
 * Tampering with the event store by SQL, as someone with write access to the database could, is
 * reported at the global index where it happened, by a verification started over the API and followed
 * there to its end; and the verifications' own life: progress, the cluster-wide bound, a dead node. Each test tampers with an account of its own and
 * verifies the range that holds its events.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerVerificationIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestTokens tokens;
    @Autowired
    DataSource dataSource;

    /** The advisory lock that holds a verification after its first progress record (any number of this test's own). */
    private static final long PROGRESS_GATE = 0x4c56_5047L;

    String accountId;
    /** The account's events' global indexes, by sequence: opened, then four deposits. */
    List<Long> globalIndexes;
    long from;

    @BeforeEach
    void anAccountWithFourDeposits() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Audited", "audited-" + customerId + "@example.org"));
        from = head() + 1;
        AccountId account = AccountId.random();
        commands.sendAndWait(new OpenAccountCommand(account, customerId, EUR, null));
        for (int deposit = 1; deposit <= 4; deposit++) {
            commands.sendAndWait(new DepositMoneyCommand(account, new BigDecimal(deposit + ".00"), EUR, "deposit " + deposit));
        }
        accountId = account.value();
        globalIndexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, accountId);
    }

    @Test
    void reportsAnUntouchedRangeIntact() throws Exception {
        JsonNode report = verify(from, head());

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("breaks")).isEmpty();
        assertThat(report.path("eventsChecked").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN ? AND ?",
                        Long.class, from, head()));
    }

    @Test
    void reportsARangeStartingInsideAnAggregatesChainIntactAgainstTheEventBeforeIt() throws Exception {
        JsonNode report = verify(globalIndexes.get(2), head());

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("breaks")).isEmpty();
        assertThat(report.path("eventsChecked").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN ? AND ?",
                        Long.class, globalIndexes.get(2), head()));
    }

    @Test
    void reportsOneAlteredByteOfAStoredPayloadAtItsGlobalIndex() throws Exception {
        long altered = globalIndexes.get(2);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class,
                altered);
        // a digit of the amount: the payload stays an event the store's readers (the Kafka publisher) can read
        int digit = new String(payload, StandardCharsets.UTF_8).indexOf("\"amount\"");
        while (!Character.isDigit(payload[digit])) {
            digit++;
        }
        payload[digit] = (byte) (payload[digit] == '9' ? '8' : payload[digit] + 1);
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, altered);

        assertThat(breaks(verify(from, head()))).containsExactly(new Found(altered, accountId, 2, "ALTERED"));
    }

    @Test
    void reportsADeletedEventAsMissingAtTheAggregatesNextEvent() throws Exception {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndexes.get(2));

        assertThat(breaks(verify(from, head()))).containsExactly(new Found(globalIndexes.get(3), accountId, 2, "MISSING"));
    }

    @Test
    void reportsAnInsertedEventAtItsGlobalIndex() throws Exception {
        long copied = globalIndexes.get(4);
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT nextval('domain_event_entry_seq'), aggregate_identifier, sequence_number + 1, type, ?,
                    time_stamp, payload_type, payload_revision, payload, meta_data
                  FROM domain_event_entry WHERE global_index = ?""", UUID.randomUUID().toString(), copied);
        long inserted = head();

        assertThat(breaks(verify(from, inserted))).containsExactly(new Found(inserted, accountId, 5, "INSERTED"));
    }

    @Test
    void reportsTwoSwappedEventsAsReorderedAtBothGlobalIndexes() throws Exception {
        long first = globalIndexes.get(1);
        long second = globalIndexes.get(2);
        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);

        assertThat(breaks(verify(from, head()))).containsExactly(
                new Found(first, accountId, 2, "REORDERED"), new Found(second, accountId, 1, "REORDERED"));
    }

    @Test
    void keepsTheChainsOfAnErasedCustomerIntact() throws Exception {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        long start = head() + 1;
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Forget Me", "forget-" + customerId + "@example.org"));
        commands.sendAndWait(new EraseCustomerCommand(customerId));

        JsonNode report = verify(start, head());

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersAnAuditor() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        String auditor = "auditor-" + UUID.randomUUID();
        headers.setBearerAuth(tokens.token(auditor, List.of(Roles.AUDITOR), null));

        ResponseEntity<String> answer = http.exchange("/api/admin/ledger-verifications?fromGlobalIndex=" + from
                + "&toGlobalIndex=" + head(), HttpMethod.POST, new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> followed = http.exchange(answer.getHeaders().getLocation().getPath(), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(followed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(followed.getBody()).path("startedBy").asText()).isEqualTo(auditor);
        runs().completed(answer.getHeaders().getLocation().getPath());
    }

    @Test
    void answersTheRangeAndWhoStartedItWhileRunningAndTheReportOnceCompleted() throws Exception {
        String location = runs().start(from, head());
        JsonNode started = runs().read(location);

        assertThat(started.path("fromGlobalIndex").asLong()).isEqualTo(from);
        assertThat(started.path("toGlobalIndex").asLong()).isEqualTo(head());
        assertThat(started.path("startedBy").asText()).isNotBlank();
        assertThat(started.path("startedAt").asText()).isNotBlank();
        JsonNode completed = runs().completed(location);
        assertThat(completed.path("report").path("intact").asBoolean()).isTrue();
        assertThat(completed.path("report").path("eventsChecked").asLong()).isEqualTo(globalIndexes.size());
        assertThat(completed.path("error").isNull()).isTrue();
    }

    @Test
    void verifiesUpToTheLastEventStoredWhenItStartsWithoutAnEnd() throws Exception {
        ResponseEntity<String> answer = http.postForEntity("/api/admin/ledger-verifications?fromGlobalIndex=" + from,
                null, String.class);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = runs().completed(answer.getHeaders().getLocation().getPath());
        assertThat(job.path("toGlobalIndex").asLong()).isGreaterThanOrEqualTo(globalIndexes.get(4));
    }

    @Test
    void listsTheVerificationsNewestFirst() throws Exception {
        String older = runs().start(from, head());
        runs().completed(older);
        String newer = runs().start(from, head());
        runs().completed(newer);

        ResponseEntity<String> answer = http.getForEntity("/api/admin/ledger-verifications?page=0&size=2", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode page = json.readTree(answer.getBody());
        assertThat(page.path("totalVerifications").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("verifications").findValuesAsText("id")).containsExactly(
                newer.substring(newer.lastIndexOf('/') + 1), older.substring(older.lastIndexOf('/') + 1));
        assertThat(page.path("verifications").get(0).path("report").path("intact").asBoolean()).isTrue();
    }

    @Test
    void showsTheProgressOfALargerRangeGrowingWhileItRuns() throws Exception {
        long start = head() + 1;
        storeMoreEventsThanTwoBatches();
        long end = head();
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN ? AND ?",
                Long.class, start, end);
        // the verification's second progress record waits for this session's lock: its first one is seen
        // while it runs, whatever the machine's speed
        try (Connection holder = dataSource.getConnection()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + PROGRESS_GATE + ")");
            jdbc.execute("""
                    CREATE OR REPLACE FUNCTION hold_second_progress() RETURNS trigger AS $$
                    BEGIN
                      IF OLD.events_checked > 0 AND NEW.state = 'RUNNING' THEN
                        PERFORM pg_advisory_xact_lock_shared(%d);
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(PROGRESS_GATE));
            jdbc.execute("CREATE TRIGGER hold_second_progress BEFORE UPDATE ON ledger_verification FOR EACH ROW "
                    + "EXECUTE FUNCTION hold_second_progress()");
            try {
                String location = runs().start(start, end);

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> runs().read(location).path("eventsChecked").asLong() > 0);
                JsonNode running = runs().read(location);
                assertThat(running.path("state").asText()).isEqualTo("RUNNING");
                assertThat(running.path("eventsChecked").asLong()).isBetween(1L, stored - 1);
                assertThat(running.path("progress").asDouble()).isStrictlyBetween(0.0, 1.0);
                assertThat(running.path("report").isNull()).isTrue();

                holder.createStatement().execute("SELECT pg_advisory_unlock(" + PROGRESS_GATE + ")");
                JsonNode completed = runs().completed(location);
                assertThat(completed.path("eventsChecked").asLong()).isEqualTo(stored)
                        .isGreaterThan(running.path("eventsChecked").asLong());
                assertThat(completed.path("report").path("intact").asBoolean()).isTrue();
            } finally {
                jdbc.execute("DROP TRIGGER IF EXISTS hold_second_progress ON ledger_verification");
                holder.createStatement().execute("SELECT pg_advisory_unlock_all()");
            }
        }
    }

    @Test
    void refusesAnotherVerificationWhileOneRunsOnAnyNode() throws Exception {
        String elsewhere = UUID.randomUUID().toString();
        // a verification another node runs, beating now
        jdbc.update("INSERT INTO ledger_verification (id, state, from_global_index, to_global_index, started_by, node, "
                + "started_at, heartbeat_at) VALUES (?, 'RUNNING', 0, 0, 'auditor-elsewhere', ?, now(), now())",
                elsewhere, UUID.randomUUID().toString());
        long before = jdbc.queryForObject("SELECT count(*) FROM ledger_verification", Long.class);
        try {
            ResponseEntity<String> answer = http.postForEntity("/api/admin/ledger-verifications?fromGlobalIndex=" + from
                    + "&toGlobalIndex=" + head(), null, String.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("VERIFICATION_RUNNING");
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_verification", Long.class)).isEqualTo(before);
        } finally {
            jdbc.update("DELETE FROM ledger_verification WHERE id = ?", elsewhere);
        }
    }

    @Test
    void readsAVerificationWhoseNodeStoppedBeatingAsAbandonedAndStartsAnother() throws Exception {
        String abandoned = UUID.randomUUID().toString();
        // a node that died an hour ago, in the middle of a verification
        jdbc.update("INSERT INTO ledger_verification (id, state, from_global_index, to_global_index, events_checked, "
                + "reached_global_index, started_by, node, started_at, heartbeat_at) VALUES (?, 'RUNNING', 0, 2000, "
                + "1000, 999, 'auditor-dead-node', ?, now() - interval '1 hour', now() - interval '1 hour')",
                abandoned, UUID.randomUUID().toString());

        JsonNode job = runs().read("/api/admin/ledger-verifications/" + abandoned);

        assertThat(job.path("state").asText()).isEqualTo("ABANDONED");
        assertThat(job.path("eventsChecked").asLong()).isEqualTo(1000);
        assertThat(job.path("progress").asDouble()).isEqualTo(0.5, within(0.001));
        assertThat(job.path("finishedAt").isNull()).isTrue();
        assertThat(runs().completed(runs().start(from, head())).path("report").path("intact").asBoolean()).isTrue();
        assertThat(runs().read("/api/admin/ledger-verifications/" + abandoned).path("state").asText())
                .isEqualTo("ABANDONED");
    }

    @Test
    void answersAnUnknownVerificationNotFound() throws Exception {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            ResponseEntity<String> answer = http.getForEntity("/api/admin/ledger-verifications/" + id, String.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class RefusesWithAProblem {

        @Test
        void aReversedRange() throws Exception {
            assertProblem("fromGlobalIndex=10&toGlobalIndex=9", HttpStatus.UNPROCESSABLE_ENTITY, "VERIFICATION_RANGE_REVERSED");
        }

        @Test
        void aRangeWiderThanOneVerificationCovers() throws Exception {
            assertProblem("fromGlobalIndex=0&toGlobalIndex=1000000", HttpStatus.UNPROCESSABLE_ENTITY,
                    "VERIFICATION_RANGE_TOO_LARGE");
        }

        @Test
        void aNegativeGlobalIndex() throws Exception {
            assertProblem("fromGlobalIndex=-1", HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        @Test
        void aGlobalIndexThatIsNoNumber() throws Exception {
            assertProblem("toGlobalIndex=ten", HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }

        private void assertProblem(String query, HttpStatus status, String code) throws Exception {
            ResponseEntity<String> answer = http.postForEntity("/api/admin/ledger-verifications?" + query, null, String.class);

            assertThat(answer.getStatusCode()).isEqualTo(status);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo(code);
        }
    }

    record Found(long globalIndex, String aggregateId, long sequence, String kind) {
    }

    private static List<Found> breaks(JsonNode report) {
        assertThat(report.path("intact").asBoolean()).isFalse();
        List<Found> found = new ArrayList<>();
        report.path("breaks").forEach(one -> found.add(new Found(one.path("globalIndex").asLong(),
                one.path("aggregateId").asText(), one.path("sequence").asLong(), one.path("kind").asText())));
        assertThat(report.path("breaksFound").asLong()).isEqualTo(found.size());
        return found;
    }

    private JsonNode verify(long fromGlobalIndex, long toGlobalIndex) throws Exception {
        return runs().report(fromGlobalIndex, toGlobalIndex);
    }

    private VerificationRuns runs() {
        return new VerificationRuns(http, json);
    }

    /** Deposits on a few accounts side by side, until more events are stored than two of the verification's batches. */
    private void storeMoreEventsThanTwoBatches() {
        CustomerId customerId = CustomerId.of(UUID.randomUUID().toString());
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Busy", "busy-" + customerId + "@example.org"));
        List<CompletableFuture<Object>> accounts = new ArrayList<>();
        for (int account = 0; account < 30; account++) {
            AccountId id = AccountId.random();
            CompletableFuture<Object> deposits = commands.send(new OpenAccountCommand(id, customerId, EUR, null));
            for (int deposit = 1; deposit <= 70; deposit++) {
                DepositMoneyCommand command = new DepositMoneyCommand(id, new BigDecimal("1.00"), EUR, "deposit " + deposit);
                deposits = deposits.thenCompose(done -> commands.send(command));
            }
            accounts.add(deposits);
        }
        CompletableFuture.allOf(accounts.toArray(CompletableFuture[]::new)).join();
    }

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }
}
