package io.ledgerline.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.security.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Rebuilds of the Elasticsearch read models under traffic: new indices are built beside the
 * serving ones and take over by an atomic alias swap, while searches keep answering.
 */
class SearchRebuildIT extends QuerySideIT {

    private static final Duration REBUILT = Duration.ofMinutes(5);
    // the search projections may still be working through what earlier tests published
    private static final Duration INDEXED = Duration.ofMinutes(3);
    private static final String TRANSACTIONS = "/api/search/transactions?accountId={id}&size=1";
    private static final String AUDIT = "ledgerline-query-search-audit";

    @Autowired
    private ElasticsearchClient elasticsearch;
    @Autowired
    private TestTokens tokens;

    @Test
    void rebuildsTheTransactionAndAccountIndicesUnderTrafficWhileSearchesKeepAnswering() throws Exception {
        String owner = "Grace Rebuild " + System.nanoTime();
        List<AccountId> accounts = new ArrayList<>();
        Map<String, Integer> lines = new ConcurrentHashMap<>();
        Map<String, BigDecimal> balances = new ConcurrentHashMap<>();
        var customer = ledger.customer(owner, "grace" + System.nanoTime() + "@example.org");
        for (int a = 0; a < 4; a++) {
            AccountId account = ledger.account(customer, "EUR");
            accounts.add(account);
            balances.put(account.value(), new BigDecimal("0.00"));
            lines.put(account.value(), 0);
            for (int d = 0; d < 15; d++) {
                deposit(account, balances, lines);
            }
        }
        AccountId tampered = accounts.get(0);
        for (AccountId account : accounts) {
            await().atMost(INDEXED).until(() -> get(TRANSACTIONS, account.value()).path("total").asLong(),
                    total -> total == lines.get(account.value()).longValue());
        }
        // the rebuilt index must come from the events, not from a copy of the serving one
        elasticsearch.indices().refresh(r -> r.index("transactions"));
        for (var hit : elasticsearch.search(s -> s.index("transactions").size(1000)
                .query(q -> q.term(t -> t.field("accountId").value(tampered.value()))), Void.class).hits().hits()) {
            elasticsearch.delete(d -> d.index(hit.index()).id(hit.id()));
        }
        elasticsearch.indices().refresh(r -> r.index("transactions"));
        assertThat(get(TRANSACTIONS, tampered.value()).path("total").asLong()).isZero();
        String transactionsBefore = servingIndex("transactions");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger deposits = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        // the lines of an account never go back: the swap waits until the new index holds everything served
        List<String> regressions = new CopyOnWriteArrayList<>();
        // a steady, bounded rate: the other search projections share the broker
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleAtFixedRate(() -> {
            try {
                deposit(accounts.get(deposits.get() % accounts.size()), balances, lines);
                deposits.incrementAndGet();
            } catch (Exception e) {
                failures.add("publishing: " + e);
                throw new IllegalStateException(e);
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        Thread searches = new Thread(() -> {
            Map<String, Long> highest = new ConcurrentHashMap<>();
            while (running.get()) {
                for (AccountId account : accounts.subList(1, accounts.size())) {
                    ResponseEntity<String> answer = http.getForEntity(TRANSACTIONS, String.class, account.value());
                    if (answer.getStatusCode() != HttpStatus.OK) {
                        failures.add(java.time.Instant.now() + ": search answered " + answer.getStatusCode() + ": "
                                + answer.getBody());
                        continue;
                    }
                    long total = body(answer).path("total").asLong();
                    long before = highest.merge(account.value(), total, Math::max);
                    if (total < before) {
                        regressions.add(java.time.Instant.now() + ": lines of " + account.value() + " went from " + before
                                + " to " + total + "; " + linesPerIndex(account.value()));
                    }
                }
            }
        });
        searches.start();
        try {
            String transactions = start("ledgerline-query-search-transactions");
            String accountIndex = start("ledgerline-query-search-accounts");
            awaitRebuild(transactions, "COMPLETED");
            awaitRebuild(accountIndex, "COMPLETED");
            int atSwap = deposits.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> deposits.get() >= atSwap + 5);
        } finally {
            running.set(false);
            traffic.shutdown();
            assertThat(traffic.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            searches.join(Duration.ofSeconds(30).toMillis());
        }

        assertThat(failures).isEmpty();
        assertThat(regressions).as("searches that saw fewer lines than before").isEmpty();
        for (AccountId account : accounts) {
            await().atMost(INDEXED).until(() -> get(TRANSACTIONS, account.value()).path("total").asLong(),
                    total -> total == lines.get(account.value()).longValue());
        }
        String transactionsAfter = servingIndex("transactions");
        assertThat(transactionsAfter).isNotEqualTo(transactionsBefore).startsWith("transactions-v");
        // the replaced index is deleted once searches running on it at the swap must have ended
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !elasticsearch.indices().exists(e -> e.index(transactionsBefore)).value());
        assertThat(servingIndex("accounts")).isNotEqualTo("accounts-v1");
        assertThat(servingIndex("customers")).isNotEqualTo("customers-v1");
        JsonNode found = eventually("/api/search/accounts?q={q}&size=10",
                hits -> hits.path("total").asLong() == accounts.size()
                        && balancesMatch(hits, balances), owner);
        assertThat(found.path("hits").get(0).path("ownerName").asText()).isEqualTo(owner);
    }

    @Test
    void aNodeStopsAtOnceAfterASearchRebuildWithoutWaitingOutTheReplacedIndexGrace() throws Exception {
        ledger.account(ledger.customer("Hal Stop " + System.nanoTime(), "hal" + System.nanoTime() + "@example.org"), "EUR");
        // the audit index comes with the first event it records
        await().atMost(INDEXED).until(() -> elasticsearch.indices().existsAlias(a -> a.name("audit")).value());
        String replaced = servingIndex("audit");
        ConfigurableApplicationContext node = RebuildingQueryNode.start();
        try {
            ResponseEntity<String> started = RebuildingQueryNode.client(tokens.staff()).postForEntity(
                    RebuildingQueryNode.baseUri(node).resolve("/api/admin/projections/" + AUDIT + "/rebuild"), null, String.class);
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            awaitRebuild(body(started).path("id").asText(), "COMPLETED");
        } finally {
            long stopping = System.nanoTime();
            node.close();
            // searches on the replaced index get 30 s after the swap; the node's stop must not wait for them
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(servingIndex("audit")).isNotEqualTo(replaced);
        assertThat(elasticsearch.indices().exists(e -> e.index(replaced)).value())
                .as("the replaced index, left for the next rebuild to drop").isTrue();
    }

    private void deposit(AccountId account, Map<String, BigDecimal> balances, Map<String, Integer> lines) throws Exception {
        BigDecimal balance = balances.merge(account.value(), new BigDecimal("0.10"), BigDecimal::add);
        ledger.deposit(account, "0.10 EUR", balance.toPlainString() + " EUR", "coffee refund");
        lines.merge(account.value(), 1, Integer::sum);
    }

    private static boolean balancesMatch(JsonNode hits, Map<String, BigDecimal> balances) {
        for (JsonNode hit : hits.path("hits")) {
            BigDecimal expected = balances.get(hit.path("accountId").asText());
            if (expected == null || new BigDecimal(hit.path("balance").asText()).compareTo(expected) != 0) {
                return false;
            }
        }
        return true;
    }

    private String linesPerIndex(String accountId) {
        try {
            elasticsearch.indices().refresh(r -> r.index("transactions-*"));
            return elasticsearch.search(s -> s.index("transactions-*").size(0)
                    .query(q -> q.term(t -> t.field("accountId").value(accountId)))
                    .aggregations("perIndex", a -> a.terms(t -> t.field("_index"))), Void.class)
                    .aggregations().get("perIndex").sterms().buckets().array().stream()
                    .map(b -> b.key().stringValue() + "=" + b.docCount()).toList().toString();
        } catch (Exception e) {
            return "indices not readable: " + e;
        }
    }

    private String servingIndex(String alias) throws Exception {
        Set<String> indices = elasticsearch.indices().getAlias(a -> a.name(alias)).result().keySet();
        assertThat(indices).hasSize(1);
        return indices.iterator().next();
    }

    private String start(String projection) {
        ResponseEntity<String> started = http.postForEntity("/api/admin/projections/{name}/rebuild", null, String.class,
                projection);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return body(started).path("id").asText();
    }

    private void awaitRebuild(String id, String state) {
        JsonNode rebuild = await().atMost(REBUILT).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/admin/rebuilds/{id}", id),
                        found -> !found.path("state").asText().matches("RUNNING|SWAPPING"));
        assertThat(rebuild.path("state").asText()).as(rebuild.toString()).isEqualTo(state);
    }
}
