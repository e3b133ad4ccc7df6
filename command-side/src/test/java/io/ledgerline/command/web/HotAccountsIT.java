package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients on a few hot accounts with a deliberately small connection pool: a command waiting
 * for its account must not hold a connection, or the pool runs dry and requests the database could
 * serve are answered 503.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledgerline.links.query-base-url=http://query.example:8082",
        // fewer connections than clients per account: waiting with a connection in hand exhausts it
        "spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=1500"})
class HotAccountsIT {

    private static final int ACCOUNTS = 4;
    private static final int CLIENTS = 48;
    private static final int COMMANDS_PER_CLIENT = 12;
    // enough that no withdrawal or transfer of 1.00 is ever refused, so every accepted one must be booked
    private static final BigDecimal OPENING_DEPOSIT = new BigDecimal("10000.00");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final Map<String, AtomicInteger> deposited = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> withdrawn = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @Test
    void manyClientsOnFewAccountsAreNeverAnswered5xxAndEveryAcceptedCommandIsBookedOnce() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = openAccount();
            assertThat(post("/api/accounts/" + account + "/deposits",
                    "{\"amount\":\"" + OPENING_DEPOSIT + "\",\"currency\":\"EUR\",\"description\":\"opening\"}")
                    .getStatusCode().value()).isEqualTo(200);
            accounts.add(account);
            deposited.put(account, new AtomicInteger());
            withdrawn.put(account, new AtomicInteger());
            sent.put(account, new AtomicInteger());
            received.put(account, new AtomicInteger());
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> work = IntStream.range(0, CLIENTS).<Callable<Void>>mapToObj(client -> () -> {
                start.await();
                for (int n = 0; n < COMMANDS_PER_CLIENT; n++) {
                    command(accounts, client, n);
                }
                return null;
            }).toList();
            List<Future<Void>> done = work.stream().map(clients::submit).toList();
            start.countDown();
            for (Future<Void> client : done) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).as("every answer: 2xx, or 409 for a command that kept losing its account's race")
                .allSatisfy(status -> assertThat(status).matches("(200|202|409) .*"));
        assertThat(answers).hasSize(CLIENTS * COMMANDS_PER_CLIENT);
        for (String account : accounts) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(count(account, "AccountDebitedForTransfer")).isEqualTo(sent.get(account).get());
                assertThat(count(account, "AccountCreditedForTransfer")).isEqualTo(received.get(account).get());
            });
            assertThat(count(account, "MoneyDeposited")).as("deposits booked once").isEqualTo(deposited.get(account).get() + 1);
            assertThat(count(account, "MoneyWithdrawn")).as("withdrawals booked once").isEqualTo(withdrawn.get(account).get());
            BigDecimal expected = OPENING_DEPOSIT.add(BigDecimal.valueOf(deposited.get(account).get()
                    - withdrawn.get(account).get() - sent.get(account).get() + received.get(account).get()));
            assertThat(new BigDecimal(jdbc.queryForObject("""
                    SELECT convert_from(payload, 'UTF8')::json -> 'balance' ->> 'amount' FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND convert_from(payload, 'UTF8')::json -> 'balance' IS NOT NULL
                    ORDER BY sequence_number DESC LIMIT 1""", String.class, account)))
                    .as("balance of %s", account).isEqualByComparingTo(expected);
            assertThat(jdbc.queryForObject("""
                    SELECT max(sequence_number) + 1 = count(*) FROM domain_event_entry WHERE aggregate_identifier = ?""",
                    Boolean.class, account)).as("no gap in the account's sequence").isTrue();
        }
    }

    /** Deposits, withdrawals and transfers in turn, each client on its own rotation over the hot accounts. */
    private void command(List<String> accounts, int client, int n) {
        String account = accounts.get((client + n) % ACCOUNTS);
        String body = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"client " + client + " #" + n + "\"}";
        switch ((client + n) % 3) {
            case 0 -> record(post("/api/accounts/" + account + "/deposits", body), deposited.get(account));
            case 1 -> record(post("/api/accounts/" + account + "/withdrawals", body), withdrawn.get(account));
            default -> {
                String to = accounts.get((client + n + 1) % ACCOUNTS);
                ResponseEntity<String> answer = post("/api/transfers", "{\"fromAccountId\":\"" + account + "\",\"toAccountId\":\""
                        + to + "\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"client " + client + " #" + n + "\"}");
                if (record(answer, sent.get(account))) {
                    received.get(to).incrementAndGet();
                }
            }
        }
    }

    private boolean record(ResponseEntity<String> answer, AtomicInteger accepted) {
        answers.add(answer.getStatusCode().value() + " " + answer.getBody());
        if (answer.getStatusCode().is2xxSuccessful()) {
            accepted.incrementAndGet();
            return true;
        }
        return false;
    }

    private int count(String account, String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Integer.class, account, "io.ledgerline.events." + eventType);
    }

    private String openAccount() throws Exception {
        ResponseEntity<String> customer = post("/api/customers",
                "{\"name\":\"Hot\",\"email\":\"hot-" + UUID.randomUUID() + "@example.org\"}");
        String customerId = json.readTree(customer.getBody()).path("customerId").asText();
        ResponseEntity<String> account = post("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}");
        assertThat(account.getStatusCode().value()).isEqualTo(201);
        return json.readTree(account.getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
