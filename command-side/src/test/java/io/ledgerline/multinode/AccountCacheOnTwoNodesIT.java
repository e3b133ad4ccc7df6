package io.ledgerline.multinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.CommandSideApplication;
import io.ledgerline.command.web.CommandExecutor;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The account cache on two command-side nodes sharing one PostgreSQL: this test's context is node A;
 * node B is started beside it without a cache (its bound is 0) and changes accounts A has cached.
 * Whatever a node cached, every booking and every refusal is decided on the account's newest stored
 * state, and every booking is stored exactly once.
 * Both nodes' statements can be recorded, one node's requests at a time.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(classes = {CommandSideApplication.class, StatementRecorder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledgerline.links.query-base-url=http://query.example:8082")
// node A must not stay cached: its processors would take part in the next class's tests
@DirtiesContext
class AccountCacheOnTwoNodesIT {

    private static ConfigurableApplicationContext nodeB;
    private static TestRestTemplate httpB;

    @Autowired
    TestRestTemplate httpA;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RestTemplateBuilder restTemplates;
    @Autowired
    EventProcessingConfiguration processing;

    private final StatementRecorder statements = StatementRecorder.INSTANCE;

    @BeforeEach
    void startNodeBOnceNodeARunsTheSaga() {
        if (nodeB != null) {
            return;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processing
                .eventProcessor("TransferSagaProcessor", TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().containsKey(0))
                .orElse(false));
        // as arguments: they outrank the packaged configuration, which the builder's default properties do not
        nodeB = new SpringApplicationBuilder(CommandSideApplication.class, StatementRecorder.class)
                .run("--server.port=0", "--ledgerline.account.cache-size=0",
                        "--ledgerline.links.query-base-url=http://query.example:8082");
        httpB = new TestRestTemplate(restTemplates.rootUri(
                "http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void aDepositOnAnAccountThisNodeJustBookedReadsItsLastSequenceInsteadOfSnapshotAndEvents() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        List<String> cached = statementsPerDeposit("node A, cache", httpA, account);
        List<String> uncached = statementsPerDeposit("node B, no cache", httpB, account);

        assertThat(uncached).as("the measure sees the loads").anyMatch(AccountCacheOnTwoNodesIT::readsTheSnapshot)
                .anyMatch(AccountCacheOnTwoNodesIT::readsTheEventStream);
        assertThat(cached).as("no snapshot read").noneMatch(AccountCacheOnTwoNodesIT::readsTheSnapshot);
        assertThat(cached).as("no read of the account's event stream").noneMatch(AccountCacheOnTwoNodesIT::readsTheEventStream);
        assertThat(cached).as("the check that the store holds nothing newer")
                .anyMatch(AccountCacheOnTwoNodesIT::checksTheCachedVersion);
        assertThat(cached.size()).isEqualTo(uncached.size() - 1);
    }

    @Test
    void aDepositOnAnAccountAnotherNodeChangedIsBookedOnceOnTheNewestState() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deposit(httpB, account, "5.00", null).getStatusCode()).as("node B books behind node A's cache")
                .isEqualTo(HttpStatus.OK);

        String key = "stale-" + UUID.randomUUID();
        ResponseEntity<String> onStaleNode = deposit(httpA, account, "1.00", key);
        assertThat(onStaleNode.getStatusCode()).as("booked on the stored state, not the cached one").isEqualTo(HttpStatus.OK);
        assertThat(version(onStaleNode)).isEqualTo(3);
        ResponseEntity<String> again = deposit(httpA, account, "1.00", key);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getHeaders().getFirst(CommandExecutor.REPLAYED)).isEqualTo("true");
        assertThat(version(again)).isEqualTo(3);

        assertThat(balances(account)).containsExactly("10.00", "15.00", "16.00");
        assertGapless(account);
    }

    /** Past the snapshot threshold (100 events): node A books on its cache, node B loads from the snapshots. */
    @Test
    void nodesTakingTurnsOnOneAccountPastItsSnapshotsKeepEveryBooking() throws Exception {
        String account = openAccount(httpA);
        int deposits = 105;
        for (int i = 0; i < deposits; i++) {
            TestRestTemplate node = i % 3 == 2 ? httpB : httpA;
            assertThat(deposit(node, account, "1.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(balances(account)).isEqualTo(IntStream.rangeClosed(1, deposits).mapToObj(i -> i + ".00").toList());
        assertGapless(account);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, account))
                .as("a snapshot was taken on the way").isPositive());
    }

    /** Node B books between node A's check of the cached version and A's append: the store's key refuses A's append. */
    @Test
    void aDepositRacingAnotherNodesBookingIsRefusedByTheStoreAndRetriedOnce() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        AtomicBoolean raced = new AtomicBoolean();
        statements.afterNext(AccountCacheOnTwoNodesIT::checksTheCachedVersion, () -> {
            assertThat(deposit(httpB, account, "5.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
            raced.set(true);
        });

        String key = "race-" + UUID.randomUUID();
        statements.start();
        ResponseEntity<String> answer = deposit(httpA, account, "1.00", key);
        List<String> executed = statements.stop();

        assertThat(raced).as("node B booked inside node A's command").isTrue();
        assertThat(answer.getStatusCode()).as("answered once retried on the stored state").isEqualTo(HttpStatus.OK);
        assertThat(version(answer)).isEqualTo(3);
        assertThat(executed.stream().filter(sql -> sql.startsWith("insert into domain_event_entry")))
                .as("A's refused append, B's booking, A's retried append").hasSize(3);
        ResponseEntity<String> again = deposit(httpA, account, "1.00", key);
        assertThat(again.getHeaders().getFirst(CommandExecutor.REPLAYED)).isEqualTo("true");
        assertThat(version(again)).isEqualTo(3);
        assertThat(balances(account)).containsExactly("10.00", "15.00", "16.00");
        assertGapless(account);
    }

    /**
     * Node A runs the transfer saga: its debit of the source meets A's cached source, which node B has
     * overtaken. On the cached balance (10) the debit of 12 would be refused and the transfer failed.
     */
    @Test
    void aTransferWhoseSourceAnotherNodeChangedIsDebitedOnTheNewestState() throws Exception {
        String source = openAccount(httpA);
        String destination = openAccount(httpA);
        assertThat(deposit(httpA, source, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deposit(httpB, source, "5.00", null).getStatusCode()).as("node B books behind node A's cache")
                .isEqualTo(HttpStatus.OK);

        String transfer = UUID.randomUUID().toString();
        ResponseEntity<String> accepted = post(httpB, "/api/transfers", "{\"transferId\":\"" + transfer
                + "\",\"fromAccountId\":\"" + source + "\",\"toAccountId\":\"" + destination
                + "\",\"amount\":\"12.00\",\"currency\":\"EUR\"}", null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferCompleted'""",
                Integer.class, transfer) == 1);
        assertThat(balances(source)).containsExactly("10.00", "15.00", "3.00");
        assertThat(balances(destination)).containsExactly("12.00");
        assertGapless(source);
    }

    @Test
    void aWithdrawalOnAnAccountAnotherNodeChangedIsDecidedOnTheNewestBalance() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deposit(httpB, account, "5.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> withdrawal = post(httpA, "/api/accounts/" + account + "/withdrawals",
                "{\"amount\":\"12.00\",\"currency\":\"EUR\"}", null);

        assertThat(withdrawal.getStatusCode()).as("not refused on the cached balance of 10").isEqualTo(HttpStatus.OK);
        assertThat(balances(account)).containsExactly("10.00", "15.00", "3.00");
    }

    @Test
    void aDepositWhoseCommitFailedLeavesNothingForTheNextCommand() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        statements.failNextCommitOfARequest();
        assertThat(deposit(httpA, account, "7.00", null).getStatusCode().is2xxSuccessful()).as("its commit failed").isFalse();
        ResponseEntity<String> next = deposit(httpA, account, "1.00", null);

        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(version(next)).isEqualTo(2);
        assertThat(balances(account)).containsExactly("10.00", "11.00");
        assertGapless(account);
    }

    @Test
    void aRefusedWithdrawalLeavesNothingForTheNextCommand() throws Exception {
        String account = openAccount(httpA);
        assertThat(deposit(httpA, account, "10.00", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> refused = post(httpA, "/api/accounts/" + account + "/withdrawals",
                "{\"amount\":\"50.00\",\"currency\":\"EUR\"}", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<String> next = deposit(httpA, account, "1.00", null);

        assertThat(version(next)).isEqualTo(2);
        assertThat(balances(account)).containsExactly("10.00", "11.00");
    }

    /** What the second of three deposits with an idempotency key costs the database, printed for the README. */
    private List<String> statementsPerDeposit(String node, TestRestTemplate http, String account) {
        List<String> second = List.of();
        for (int i = 0; i < 3; i++) {
            statements.start();
            assertThat(deposit(http, account, "1.00", "cost-" + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.OK);
            List<String> executed = statements.stop();
            second = i == 1 ? executed : second;
        }
        System.out.printf("Statements of a deposit with an Idempotency-Key (%s): %d%n", node, second.size());
        second.forEach(sql -> System.out.println("  " + sql));
        return second;
    }

    private static boolean checksTheCachedVersion(String sql) {
        return sql.contains("max(") && sql.contains("from domain_event_entry");
    }

    private static boolean readsTheSnapshot(String sql) {
        return sql.contains("from snapshot_event_entry") && sql.startsWith("select");
    }

    private static boolean readsTheEventStream(String sql) {
        return sql.contains("from domain_event_entry") && sql.contains("sequence_number>=");
    }

    private String openAccount(TestRestTemplate http) throws Exception {
        ResponseEntity<String> customer = post(http, "/api/customers",
                "{\"name\":\"Cached\",\"email\":\"cached-" + UUID.randomUUID() + "@example.org\"}", null);
        String customerId = json.readTree(customer.getBody()).path("customerId").asText();
        ResponseEntity<String> account = post(http, "/api/accounts",
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", null);
        assertThat(account.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(account.getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> deposit(TestRestTemplate http, String account, String amount, String idempotencyKey) {
        return post(http, "/api/accounts/" + account + "/deposits",
                "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"description\":\"cached\"}", idempotencyKey);
    }

    private static ResponseEntity<String> post(TestRestTemplate http, String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set(CommandExecutor.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long version(ResponseEntity<String> answer) throws Exception {
        JsonNode body = json.readTree(answer.getBody());
        return body.path("version").asLong(-1);
    }

    /** The balance after each booking, in the account's stored order. */
    private List<String> balances(String account) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::json -> 'balance' ->> 'amount' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND convert_from(payload, 'UTF8')::json -> 'balance' IS NOT NULL
                ORDER BY sequence_number""", String.class, account);
    }

    private void assertGapless(String account) {
        List<Long> sequences = jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, account);
        assertThat(sequences).as("no gap and no duplicate in the account's sequence")
                .isEqualTo(LongStream.range(0, sequences.size()).boxed().toList());
    }
}
