package io.ledgerline.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.LedgerEventsProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RealInfrastructure(database = "ledgerline_query", elasticsearch = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountProjectionIT {

    private static final Instant OPENED_AT = Instant.parse("2026-03-01T09:30:00Z");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    LedgerEventsProducer events;

    @BeforeEach
    void connect() {
        events = new LedgerEventsProducer(RealInfrastructureExtension.stack().kafkaBootstrapServers(), json);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void servesAnOpenedAccountFromSql() throws Exception {
        AccountId accountId = AccountId.random();
        events.publish(opened(accountId, "cust-sql", "EUR", "250"), "Account", 0, 1, OPENED_AT);

        JsonNode account = awaitAccount(accountId);

        assertThat(account.path("accountId").asText()).isEqualTo(accountId.value());
        assertThat(account.path("customerId").asText()).isEqualTo("cust-sql");
        assertThat(account.path("currency").asText()).isEqualTo("EUR");
        assertThat(account.path("balance").asText()).isEqualTo("0.00");
        assertThat(account.path("overdraftLimit").asText()).isEqualTo("250.00");
        assertThat(account.path("status").asText()).isEqualTo("OPEN");
        assertThat(account.path("version").asLong()).isZero();
        assertThat(account.path("openedAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void keepsTheCurrencysMinorUnitsInAmounts() throws Exception {
        AccountId accountId = AccountId.random();
        events.publish(opened(accountId, "cust-yen", "JPY", "1000"), "Account", 0, 2, OPENED_AT);

        JsonNode account = awaitAccount(accountId);

        assertThat(account.path("balance").asText()).isEqualTo("0");
        assertThat(account.path("overdraftLimit").asText()).isEqualTo("1000");
    }

    @Test
    void changesNothingWhenAnEventIsDeliveredTwice() throws Exception {
        AccountId accountId = AccountId.random();
        AccountOpened event = opened(accountId, "cust-twice", "USD", "0");
        events.publish(event, "Account", 0, 3, OPENED_AT);
        events.publish(event, "Account", 0, 3, OPENED_AT.plusSeconds(60));
        AccountId marker = AccountId.random();
        events.publish(opened(marker, "cust-twice", "USD", "0"), "Account", 0, 4, OPENED_AT);
        // same key means same partition: once the later marker is projected, the duplicate was handled too
        awaitAccount(marker);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_view WHERE account_id = ?", Long.class,
                accountId.value())).isEqualTo(1);
        assertThat(awaitAccount(accountId).path("updatedAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void findsAnAccountThroughElasticsearchByCustomerOrAccountId() throws Exception {
        AccountId accountId = AccountId.random();
        events.publish(opened(accountId, "cust-search-" + accountId, "CHF", "0"), "Account", 0, 5, OPENED_AT);

        JsonNode byCustomer = awaitSearchHit("cust-search-" + accountId);
        assertThat(byCustomer.path("total").asLong()).isEqualTo(1);
        JsonNode hit = byCustomer.path("hits").get(0);
        assertThat(hit.path("accountId").asText()).isEqualTo(accountId.value());
        assertThat(hit.path("currency").asText()).isEqualTo("CHF");
        assertThat(awaitSearchHit(accountId.value()).path("hits").get(0).path("customerId").asText())
                .isEqualTo("cust-search-" + accountId);
    }

    @Test
    void answersAnUnknownAccountWithNotFound() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/accounts/no-such-account", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void refusesASearchWithoutText() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/search/accounts?q={q}", String.class, " ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(http.getForEntity("/api/search/accounts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void reportsReadinessWithDatabaseKafkaAndElasticsearch() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode components = json.readTree(response.getBody()).path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("elasticsearch").path("status").asText()).isEqualTo("UP");
    }

    private JsonNode awaitAccount(AccountId accountId) throws Exception {
        ResponseEntity<String> response = await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity("/api/accounts/" + accountId, String.class),
                        r -> r.getStatusCode() == HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private JsonNode awaitSearchHit(String q) throws Exception {
        ResponseEntity<String> response = await().atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity("/api/search/accounts?q={q}", String.class, q),
                        r -> r.getStatusCode() == HttpStatus.OK && r.getBody().contains("\"accountId\""));
        return json.readTree(response.getBody());
    }

    private static AccountOpened opened(AccountId accountId, String customerId, String currency, String limit) {
        return new AccountOpened(accountId, CustomerId.of(customerId), Currency.getInstance(currency),
                Money.of(limit, currency));
    }
}
