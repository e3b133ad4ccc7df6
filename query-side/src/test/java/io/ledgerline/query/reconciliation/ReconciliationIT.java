package io.ledgerline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.LedgerEventsProducer;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.accounts.search.AccountSearchIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each test keeps to a currency of its own, which no other test of the query side uses: the read models
 * are shared with tests that publish accounts no event store holds, so a test judges its own currency's
 * sums and its own accounts.
 */
class ReconciliationIT extends QuerySideIT {

    @Autowired
    JdbcTemplate readModels;

    @Autowired
    ElasticsearchClient search;

    @Autowired
    CatchUpSignals catchUp;

    private LedgerEventsProducer producer;
    private StoredLedger stored;

    @BeforeEach
    void eventStore() {
        producer = new LedgerEventsProducer(RealInfrastructureExtension.stack().kafkaBootstrapServers(), json);
        stored = new StoredLedger(readModels, producer, keys, json);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aConsistentLedgerReconcilesItsSumsAndAccounts() throws Exception {
        AccountId ada = stored.account("NOK");
        AccountId bob = stored.account("NOK");
        AccountId cyd = stored.account("NOK");
        stored.deposit(ada, "1000.50");
        stored.deposit(bob, "250.00");
        stored.withdraw(ada, "100.25");
        stored.transfer(ada, cyd, "300.00");
        stored.withdraw(cyd, "400.00");
        searchable(cyd);

        JsonNode report = reconcile();

        JsonNode nok = currency(report, "NOK");
        assertThat(new BigDecimal(nok.path("storeBalance").asText())).isEqualByComparingTo("750.25");
        assertThat(new BigDecimal(nok.path("sqlBalance").asText())).isEqualByComparingTo("750.25");
        assertThat(new BigDecimal(nok.path("searchBalance").asText())).isEqualByComparingTo("750.25");
        assertThat(new BigDecimal(nok.path("depositedLessWithdrawn").asText())).isEqualByComparingTo("750.25");
        assertThat(new BigDecimal(nok.path("deposited").asText())).isEqualByComparingTo("1250.50");
        assertThat(new BigDecimal(nok.path("withdrawn").asText())).isEqualByComparingTo("500.25");
        assertThat(mismatchesOf(report, Set.of(ada, bob, cyd))).isEmpty();
        assertThat(report.path("asOfGlobalIndex").asLong()).isGreaterThanOrEqualTo(500_000_000L);
    }

    @Test
    void depositsRunningMeanwhileRaiseNoFalseAlarm() throws Exception {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(stored.account("SEK"));
        }
        AtomicInteger booked = new AtomicInteger();
        // a steady 50 bookings a second, which the read models keep up with: unpaced, the test would book
        // faster than a projection applies on this machine and rightly be told the read models lag
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> deposits = traffic.scheduleAtFixedRate(() -> {
            AccountId account = accounts.get(booked.get() % accounts.size());
            try {
                stored.deposit(account, "10.01");
                if (booked.incrementAndGet() % 3 == 0) {
                    stored.withdraw(account, "5.00");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        try {
            accounts.forEach(this::searchable);
            await().atMost(EVENTUALLY).until(() -> booked.get() >= 20);
            int bookedBefore = booked.get();
            for (int run = 0; run < 3; run++) {
                JsonNode report = reconcile();

                JsonNode sek = currency(report, "SEK");
                String found = sek + " " + mismatchesOf(report, Set.copyOf(accounts));
                BigDecimal store = new BigDecimal(sek.path("storeBalance").asText());
                assertThat(new BigDecimal(sek.path("sqlBalance").asText())).as(found).isEqualByComparingTo(store);
                assertThat(new BigDecimal(sek.path("searchBalance").asText())).as(found).isEqualByComparingTo(store);
                assertThat(new BigDecimal(sek.path("depositedLessWithdrawn").asText())).isEqualByComparingTo(store);
                assertThat(mismatchesOf(report, Set.copyOf(accounts))).isEmpty();
            }
            assertThat(deposits.isDone()).as("the deposits ran on, without a failure, during the runs").isFalse();
            assertThat(booked.get()).as("bookings during the runs").isGreaterThan(bookedBefore);
        } finally {
            deposits.cancel(false);
            traffic.shutdown();
            traffic.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAccountWhoseReadModelsLagIsWaitedForAndJudgedOnceTheyCatchUp() throws Exception {
        AccountId account = stored.account("PLN");
        stored.deposit(account, "20.00");
        searchable(account);
        eventually("/api/accounts/{id}?minVersion={version}", found -> true, account, stored.version(account));
        StoredLedger.Publication late = stored.depositUnpublished(account, "5.00");

        CompletableFuture<JsonNode> running = CompletableFuture.supplyAsync(this::reconcile);
        // the run found both read models behind the store's version and waits for the projection's announcement
        await("the reconciliation waiting for " + account).atMost(EVENTUALLY).until(() -> catchUp.awaits(account.value()));
        late.publish();
        JsonNode report = running.get(EVENTUALLY.toSeconds(), TimeUnit.SECONDS);

        assertThat(mismatchesOf(report, Set.of(account))).as("judged at the store's version, not as lagging").isEmpty();
        JsonNode pln = currency(report, "PLN");
        assertThat(new BigDecimal(pln.path("storeBalance").asText())).isEqualByComparingTo("25.00");
        assertThat(new BigDecimal(pln.path("sqlBalance").asText())).isEqualByComparingTo("25.00");
        assertThat(new BigDecimal(pln.path("searchBalance").asText())).isEqualByComparingTo("25.00");
        assertThat(catchUp.awaits(account.value())).as("forgotten once judged").isFalse();
    }

    @Test
    void aBalanceChangedInTheSqlReadModelIsReportedAndTurnsHealthDown() throws Exception {
        AccountId account = stored.account("DKK");
        stored.deposit(account, "80.00");
        eventually("/api/accounts/{id}?minVersion={version}", found -> true, account, stored.version(account));
        readModels.update("UPDATE account_view SET balance = balance + 0.01 WHERE account_id = ?", account.value());
        try {
            JsonNode report = reconcile();

            List<JsonNode> mismatches = mismatchesOf(report, Set.of(account));
            assertThat(mismatches).hasSize(1);
            JsonNode mismatch = mismatches.get(0);
            assertThat(mismatch.path("storeBalance").asText()).isEqualTo("80.00");
            assertThat(mismatch.path("storeVersion").asLong()).isEqualTo(1);
            assertThat(mismatch.path("sql").path("problem").asText()).isEqualTo("BALANCE");
            assertThat(mismatch.path("sql").path("balance").asText()).isEqualTo("80.01");
            assertThat(mismatch.path("search").path("problem").isNull()).as(mismatch.toString()).isTrue();
            assertThat(report.path("mismatchedAccounts").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode health = await().atMost(EVENTUALLY).until(() -> body(http.getForEntity("/actuator/health",
                    String.class)).path("components").path("reconciliation"),
                    component -> component.path("status").asText().equals("DOWN"));
            assertThat(health.path("details").path("mismatchedAccounts").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(metric("ledgerline.reconciliation.mismatched.accounts")).isGreaterThanOrEqualTo(1);
            if (report.path("mismatchedAccounts").asLong() <= Reconciliations.ACCOUNTS_NAMED_IN_HEALTH) {
                assertThat(health.path("details").path("accounts").toString()).contains(account.value());
            }
        } finally {
            readModels.update("UPDATE account_view SET balance = balance - 0.01 WHERE account_id = ?", account.value());
        }
        assertThat(mismatchesOf(reconcile(), Set.of(account))).isEmpty();
    }

    @Test
    void aDocumentChangedInTheAccountsIndexIsReported() throws Exception {
        AccountId account = stored.account("CHF");
        stored.deposit(account, "42.00");
        GetResponse<ObjectNode> indexed = await().atMost(EVENTUALLY).until(() -> search.get(g -> g
                .index(AccountSearchIndex.ALIAS).id(account.value()), ObjectNode.class),
                found -> found.found() && found.version() == stored.version(account) + 1);
        ObjectNode original = indexed.source();
        ObjectNode changed = original.deepCopy().put("balance", "4200.00");
        overwrite(account, changed, indexed.version());
        try {
            List<JsonNode> mismatches = mismatchesOf(reconcile(), Set.of(account));

            assertThat(mismatches).hasSize(1);
            assertThat(mismatches.get(0).path("search").path("problem").asText()).isEqualTo("BALANCE");
            assertThat(mismatches.get(0).path("search").path("balance").asText()).isEqualTo("4200.00");
            assertThat(mismatches.get(0).path("search").path("storeBalanceAtVersion").asText()).isEqualTo("42.00");
            assertThat(mismatches.get(0).path("sql").path("problem").isNull()).isTrue();
        } finally {
            overwrite(account, original, indexed.version());
        }
    }

    private void overwrite(AccountId account, ObjectNode document, long version) throws Exception {
        // the same external version: only the balance differs from what the projection wrote
        search.index(i -> i.index(AccountSearchIndex.ALIAS).id(account.value()).document(document)
                .versionType(VersionType.ExternalGte).version(version));
        // searches see it once the index is refreshed, as they see every change
        search.indices().refresh(r -> r.index(AccountSearchIndex.ALIAS));
    }

    /** Searches answer once the accounts index, created with the first account, has its shard started. */
    private void searchable(AccountId account) {
        eventually("/api/search/accounts?q={id}", found -> found.path("total").asLong() == 1, account.value());
    }

    private JsonNode reconcile() {
        ResponseEntity<String> answer = http.getForEntity("/api/admin/reconciliation", String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return body(answer);
    }

    private static JsonNode currency(JsonNode report, String code) {
        return StreamSupport.stream(report.path("currencies").spliterator(), false)
                .filter(totals -> totals.path("currency").asText().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + code + " in " + report.path("currencies")));
    }

    private static List<JsonNode> mismatchesOf(JsonNode report, Set<AccountId> accounts) {
        Set<String> ids = accounts.stream().map(AccountId::value).collect(Collectors.toSet());
        return StreamSupport.stream(report.path("mismatches").spliterator(), false)
                .filter(mismatch -> ids.contains(mismatch.path("accountId").asText())).toList();
    }

    private double metric(String name) {
        return get("/actuator/metrics/" + name).path("measurements").get(0).path("value").asDouble();
    }
}
