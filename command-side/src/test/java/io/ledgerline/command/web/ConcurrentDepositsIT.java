package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many clients commanding one account at once: every answer is 200 or 409, and no accepted deposit is lost. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledgerline.links.query-base-url=http://query.example:8082")
class ConcurrentDepositsIT {

    private static final int CLIENTS = 20;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void concurrentDepositsAreAllBookedOrAnsweredAsConflicts() throws Exception {
        String accountId = openAccount();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<HttpStatusCode> statuses;
        try {
            List<Callable<HttpStatusCode>> deposits = IntStream.range(0, CLIENTS).<Callable<HttpStatusCode>>mapToObj(i -> () -> {
                start.await();
                return post("/api/accounts/" + accountId + "/deposits",
                        "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"deposit " + i + "\"}").getStatusCode();
            }).toList();
            List<Future<HttpStatusCode>> answers = deposits.stream().map(clients::submit).toList();
            start.countDown();
            statuses = answers.stream().map(ConcurrentDepositsIT::join).toList();
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(HttpStatus.OK, HttpStatus.CONFLICT));
        long booked = statuses.stream().filter(HttpStatus.OK::equals).count();
        assertThat(booked).as("most collisions are resolved by retrying on the newer state").isGreaterThan(CLIENTS / 2);
        List<String> balances = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::json -> 'balance' ->> 'amount' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number > 0 ORDER BY sequence_number""", String.class, accountId);
        assertThat(balances).hasSize((int) booked);
        assertThat(new BigDecimal(balances.get(balances.size() - 1))).isEqualByComparingTo(BigDecimal.valueOf(booked));
        assertThat(jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, accountId)).as("no gap and no duplicate in the account's sequence").isEqualTo(booked);
    }

    private String openAccount() throws Exception {
        ResponseEntity<String> customer = post("/api/customers",
                "{\"name\":\"Many\",\"email\":\"many-" + UUID.randomUUID() + "@example.org\"}");
        String customerId = json.readTree(customer.getBody()).path("customerId").asText();
        ResponseEntity<String> account = post("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}");
        assertThat(account.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(account.getBody()).path("accountId").asText();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
