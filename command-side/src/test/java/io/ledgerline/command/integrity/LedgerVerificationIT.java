package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
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
 * reported at the global index where it happened. Each test tampers with an account of its own and
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
    void answersAnAuditor() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.token("auditor-" + UUID.randomUUID(), List.of(Roles.AUDITOR), null));

        ResponseEntity<String> answer = http.exchange("/api/admin/ledger-verifications?fromGlobalIndex=" + from
                + "&toGlobalIndex=" + head(), HttpMethod.POST, new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
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
        ResponseEntity<String> answer = http.postForEntity("/api/admin/ledger-verifications?fromGlobalIndex="
                + fromGlobalIndex + "&toGlobalIndex=" + toGlobalIndex, null, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }
}
