package io.ledgerline.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.security.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rebuilds of the SQL read models against the real servers: under traffic, interrupted by a
 * restart, cancelled, and refused twice at once. Small batches keep a rebuild running long enough
 * to be interrupted or cancelled.
 */
class RebuildIT extends QuerySideIT {

    private static final String SQL = "ledgerline-query-sql";
    private static final Duration REBUILT = Duration.ofMinutes(5);
    // the first half of every rebuild lease's advisory lock key (RebuildLease)
    private static final long REBUILD_LOCK_SPACE = 0x4c4c5242L;

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TestTokens tokens;

    @Test
    void rebuildsTheSqlReadModelsUnderTrafficWhileQueriesKeepAnsweringAndNeverGoBack() throws Exception {
        List<Ledger> ledgers = openAccountsWithDeposits(8, 10);
        Ledger tampered = ledgers.get(0);
        // the rebuilt model must come from the events, not from a copy of the serving tables
        jdbc.sql("UPDATE account_view SET owner_name = 'tampered' WHERE account_id = :id").param("id", tampered.id()).update();
        jdbc.sql("DELETE FROM statement_line WHERE account_id = :id AND sequence = 1").param("id", tampered.id()).update();

        Traffic traffic = new Traffic(ledgers);
        Readers readers = new Readers(ledgers.subList(0, 3));
        traffic.start();
        readers.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.deposits.get() >= 5);
            String rebuild = startRebuild(SQL);
            JsonNode completed = awaitRebuild(rebuild, "COMPLETED");
            assertThat(completed.path("eventsDone").asLong()).isPositive();
            assertThat(completed.path("eventsTotal").asLong()).isEqualTo(completed.path("eventsDone").asLong());
            int depositsAtSwap = traffic.deposits.get();
            // traffic goes on after the swap and must reach the new tables too
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.deposits.get() >= depositsAtSwap + 10);
        } finally {
            traffic.stop();
            readers.stop();
        }

        for (Ledger ledger : ledgers) {
            JsonNode view = eventually("/api/accounts/{id}", found -> found.path("version").asLong() == ledger.version,
                    ledger.id());
            assertThat(new BigDecimal(view.path("balance").asText())).isEqualByComparingTo(ledger.balance);
            assertThat(view.path("ownerName").asText()).isEqualTo(ledger.owner);
            assertThat(get("/api/accounts/{id}/transactions", ledger.id()).path("totalItems").asLong())
                    .isEqualTo(ledger.version);
        }
        assertThat(readers.reads.get()).isPositive();
        assertThat(readers.failures).as("queries answered other than 200 during the rebuild").isEmpty();
        assertThat(readers.regressions).as("versions that went back during the rebuild").isEmpty();
        // the replaced tables are dropped just after the swap
        await().atMost(Duration.ofSeconds(30)).until(() -> leftoverSchemas().isEmpty());
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'account_view'")
                .query(String.class).list()).contains("account_view_pkey", "account_view_customer_idx", "account_view_status_idx");
    }

    @Test
    void resumesARebuildInterruptedByARestartAndNeverServesAHalfBuiltModel() throws Exception {
        // more events than a rebuild takes over with, so that the interruption comes while it is building
        List<Ledger> ledgers = openAccountsWithDeposits(6, 50);
        Ledger marked = ledgers.get(0);
        jdbc.sql("UPDATE account_view SET owner_name = 'before the rebuild' WHERE account_id = :id")
                .param("id", marked.id()).update();

        String rebuild;
        try (ConfigurableApplicationContext interrupted = RebuildingQueryNode.start("--ledgerline.rebuild.batch-size=5")) {
            TestRestTemplate node = RebuildingQueryNode.client(tokens.staff());
            URI base = RebuildingQueryNode.baseUri(interrupted);
            ResponseEntity<String> started = node.postForEntity(base.resolve("/api/admin/projections/" + SQL + "/rebuild"),
                    null, String.class);
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            rebuild = body(started).path("id").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> get("/api/admin/rebuilds/{id}", rebuild).path("eventsDone").asLong() > 0);
        }
        JsonNode afterStop = get("/api/admin/rebuilds/{id}", rebuild);
        assertThat(afterStop.path("state").asText()).isEqualTo("RUNNING");
        assertThat(afterStop.path("eventsDone").asLong()).isLessThan(afterStop.path("eventsTotal").asLong());
        assertThat(get("/api/accounts/{id}", marked.id()).path("ownerName").asText())
                .as("the serving model while the new one is unfinished").isEqualTo("before the rebuild");

        awaitRebuild(rebuild, "COMPLETED");

        for (Ledger ledger : ledgers) {
            JsonNode view = get("/api/accounts/{id}", ledger.id());
            assertThat(view.path("version").asLong()).isEqualTo(ledger.version);
            assertThat(new BigDecimal(view.path("balance").asText())).isEqualByComparingTo(ledger.balance);
            assertThat(view.path("ownerName").asText()).isEqualTo(ledger.owner);
            assertThat(get("/api/accounts/{id}/transactions", ledger.id()).path("totalItems").asLong())
                    .isEqualTo(ledger.version);
        }
        // the replaced tables are dropped just after the swap
        await().atMost(Duration.ofSeconds(30)).until(() -> leftoverSchemas().isEmpty());
    }

    @Test
    void aWorkerWhoseLeaseEndedStopsAndTheNextHolderCompletesTheRebuild() throws Exception {
        // many batches, so that the lease ends while the rebuild is building
        List<Ledger> ledgers = openAccountsWithDeposits(8, 100);
        String rebuild = startRebuild(SQL);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> get("/api/admin/rebuilds/{id}", rebuild).path("eventsDone").asLong() > 0);

        // what a restart of the database does to the lease's session, without stopping the database
        // only this rebuild's lease: the rebuilds of other tests may hold or still release leases of their own
        List<Boolean> endedSessions = jdbc.sql("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = :space
                  AND objid::bigint = (hashtext(:rebuild)::bigint + 4294967296) % 4294967296""")
                .param("space", REBUILD_LOCK_SPACE).param("rebuild", rebuild).query(Boolean.class).list();
        assertThat(endedSessions).as("the session holding the running rebuild's lease").containsExactly(true);

        JsonNode completed = awaitRebuild(rebuild, "COMPLETED");
        assertThat(completed.path("error").asText()).contains("lost its lease");
        for (Ledger ledger : ledgers) {
            JsonNode view = get("/api/accounts/{id}", ledger.id());
            assertThat(view.path("version").asLong()).isEqualTo(ledger.version);
            assertThat(new BigDecimal(view.path("balance").asText())).isEqualByComparingTo(ledger.balance);
            assertThat(get("/api/accounts/{id}/transactions", ledger.id()).path("totalItems").asLong())
                    .isEqualTo(ledger.version);
        }
    }

    @Test
    void cancelsARebuildAndKeepsServingTheCurrentModel() throws Exception {
        List<Ledger> ledgers = openAccountsWithDeposits(4, 25);
        Ledger marked = ledgers.get(0);
        jdbc.sql("UPDATE account_view SET owner_name = 'kept' WHERE account_id = :id").param("id", marked.id()).update();
        String rebuild = startRebuild(SQL);

        ResponseEntity<String> cancelled = http.postForEntity("/api/admin/rebuilds/{id}/cancel", null, String.class, rebuild);

        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(body(cancelled).path("state").asText()).isEqualTo("CANCELLED");
        await().atMost(REBUILT).until(() -> leftoverSchemas().isEmpty());
        assertThat(get("/api/accounts/{id}", marked.id()).path("ownerName").asText()).isEqualTo("kept");
        ResponseEntity<String> again = http.postForEntity("/api/admin/rebuilds/{id}/cancel", null, String.class, rebuild);
        assertProblem(again, HttpStatus.CONFLICT, "REBUILD_NOT_CANCELLABLE");
    }

    @Test
    void refusesASecondRebuildOfTheSameModelWhileTheFirstRuns() throws Exception {
        openAccountsWithDeposits(4, 25);
        String first = startRebuild(SQL);

        ResponseEntity<String> second = http.postForEntity("/api/admin/projections/{name}/rebuild", null, String.class, SQL);

        assertProblem(second, HttpStatus.CONFLICT, "REBUILD_ALREADY_RUNNING");
        awaitRebuild(first, "COMPLETED");
    }

    @Test
    void answersNotFoundForAnUnknownProjectionOrRebuild() {
        assertProblem(http.postForEntity("/api/admin/projections/{name}/rebuild", null, String.class, "no-such-model"),
                HttpStatus.NOT_FOUND, "PROJECTION_NOT_FOUND");
        assertProblem(http.getForEntity("/api/admin/rebuilds/{id}", String.class, "no-such-rebuild"),
                HttpStatus.NOT_FOUND, "REBUILD_NOT_FOUND");
    }

    private String startRebuild(String projection) {
        ResponseEntity<String> started = http.postForEntity("/api/admin/projections/{name}/rebuild", null, String.class,
                projection);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = body(started).path("id").asText();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/admin/rebuilds/" + id);
        return id;
    }

    private JsonNode awaitRebuild(String id, String state) {
        JsonNode rebuild = await().atMost(REBUILT).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/admin/rebuilds/{id}", id),
                        found -> !found.path("state").asText().matches("RUNNING|SWAPPING"));
        assertThat(rebuild.path("state").asText()).as(rebuild.toString()).isEqualTo(state);
        return rebuild;
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(response).path("code").asText()).isEqualTo(code);
    }

    private List<String> leftoverSchemas() {
        return jdbc.sql("""
                SELECT schema_name FROM information_schema.schemata
                WHERE schema_name LIKE 'rebuild\\_%' OR schema_name LIKE 'retired\\_%'
                """).query(String.class).list();
    }

    private List<Ledger> openAccountsWithDeposits(int accounts, int depositsEach) throws Exception {
        List<Ledger> ledgers = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            String owner = "Owner " + a + " " + System.nanoTime();
            CustomerId customer = ledger.customer(owner, "owner" + System.nanoTime() + "@example.org");
            Ledger account = new Ledger(ledger.account(customer, "EUR"), owner);
            for (int d = 0; d < depositsEach; d++) {
                account.deposit(new BigDecimal("1.25"));
            }
            ledgers.add(account);
        }
        Ledger last = ledgers.get(ledgers.size() - 1);
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == last.version, last.id());
        return ledgers;
    }

    /** One account as the events published for it say it must be. */
    private final class Ledger {

        private final AccountId account;
        private final String owner;
        private BigDecimal balance = new BigDecimal("0.00");
        private volatile long version;

        Ledger(AccountId account, String owner) {
            this.account = account;
            this.owner = owner;
        }

        String id() {
            return account.value();
        }

        void deposit(BigDecimal amount) throws Exception {
            balance = balance.add(amount);
            ledger.deposit(account, amount.toPlainString() + " EUR", balance.toPlainString() + " EUR", "deposit");
            version++;
        }
    }

    /**
     * Deposits round the accounts at a steady rate, as the command side would publish them. The
     * rate is bounded so that the search projections sharing the broker are not buried in events.
     */
    private final class Traffic {

        private static final Duration INTERVAL = Duration.ofMillis(50);

        private final List<Ledger> ledgers;
        private final AtomicInteger deposits = new AtomicInteger();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

        Traffic(List<Ledger> ledgers) {
            this.ledgers = ledgers;
        }

        void start() {
            scheduler.scheduleAtFixedRate(this::depositOnce, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void depositOnce() {
            try {
                ledgers.get(deposits.get() % ledgers.size()).deposit(new BigDecimal("0.10"));
                deposits.incrementAndGet();
            } catch (Exception e) {
                failures.add(e);
                throw new IllegalStateException(e);
            }
        }

        void stop() throws InterruptedException {
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).as("publishing failed").isEmpty();
        }
    }

    /** Reads accounts continuously, remembering every failed query and every version that went back. */
    private final class Readers {

        private final List<Ledger> ledgers;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger reads = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final List<String> regressions = new CopyOnWriteArrayList<>();
        private final Map<String, Long> highest = new ConcurrentHashMap<>();
        private final Thread thread;

        Readers(List<Ledger> ledgers) {
            this.ledgers = ledgers;
            this.thread = new Thread(this::run, "readers");
        }

        void start() {
            thread.start();
        }

        private void run() {
            while (running.get()) {
                for (Ledger ledger : ledgers) {
                    ResponseEntity<String> answer = http.getForEntity("/api/accounts/{id}", String.class, ledger.id());
                    reads.incrementAndGet();
                    if (answer.getStatusCode() != HttpStatus.OK) {
                        failures.add(answer.getStatusCode() + " " + answer.getBody());
                        continue;
                    }
                    long version = body(answer).path("version").asLong();
                    Long before = highest.put(ledger.id(), Math.max(version, highest.getOrDefault(ledger.id(), -1L)));
                    if (before != null && version < before) {
                        regressions.add(ledger.id() + " went from " + before + " to " + version);
                    }
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
