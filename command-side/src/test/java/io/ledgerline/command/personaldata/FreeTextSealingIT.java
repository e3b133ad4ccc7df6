package io.ledgerline.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.PersonalData;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The free text of deposits, withdrawals and transfers through the command API against the real
 * event store and Kafka: sealed under the owner's (for a transfer the payer's) key, in clear
 * nowhere but the audit API, and shredded with the customer's erasure.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FreeTextSealingIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    String unique;
    String customerId;
    String accountId;
    String otherAccountId;

    @BeforeEach
    void customerWithTwoAccounts() throws Exception {
        unique = UUID.randomUUID().toString().substring(0, 8);
        customerId = field(command(HttpMethod.POST, "/api/customers",
                "{\"name\":\"Free Text\",\"email\":\"free-" + unique + "@example.org\"}"), "customerId");
        accountId = openAccount();
        otherAccountId = openAccount();
    }

    @Test
    void sealsEveryTextOfBookingsAndTransfersShowsItInTheAuditAndShredsItWithTheErasure() throws Exception {
        Map<String, String> texts = Map.of(
                "depositDescription", "Salary " + unique, "depositReference", "INV-" + unique,
                "depositExternal", "PAY-" + unique, "withdrawalDescription", "Cash machine " + unique,
                "withdrawalExternal", "ATM-" + unique, "transferDescription", "Rent March " + unique,
                "transferReference", "RNT-" + unique);
        command(HttpMethod.POST, "/api/accounts/" + accountId + "/deposits", "{\"amount\":\"100.00\",\"currency\":\"EUR\","
                + "\"description\":\"" + texts.get("depositDescription") + "\",\"reference\":\""
                + texts.get("depositReference") + "\",\"externalReference\":\"" + texts.get("depositExternal") + "\"}");
        command(HttpMethod.POST, "/api/accounts/" + accountId + "/withdrawals", "{\"amount\":\"20.00\",\"currency\":\"EUR\","
                + "\"description\":\"" + texts.get("withdrawalDescription") + "\",\"externalReference\":\""
                + texts.get("withdrawalExternal") + "\"}");
        String transferId = field(command(HttpMethod.POST, "/api/transfers", "{\"fromAccountId\":\"" + accountId
                + "\",\"toAccountId\":\"" + otherAccountId + "\",\"amount\":\"30.00\",\"currency\":\"EUR\","
                + "\"description\":\"" + texts.get("transferDescription") + "\",\"reference\":\""
                + texts.get("transferReference") + "\"}"), "transferId");

        // (a) the event store: sealed values (v2), no text in clear in payloads or metadata
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT payload_type, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier IN (?, ?) ORDER BY global_index""", accountId, transferId);
        for (Map<String, Object> row : rows) {
            assertNoTextIn(texts, new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
            assertNoTextIn(texts, new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
        }
        assertSealed(payloadOf(rows, "MoneyDeposited"), "description", "reference", "externalReference");
        assertSealed(payloadOf(rows, "MoneyWithdrawn"), "description", "externalReference");
        assertSealed(payloadOf(rows, "TransferRequested"), "description", "reference");
        assertThat(payloadOf(rows, "MoneyDeposited").path("customerId").asText()).isEqualTo(customerId);
        assertThat(payloadOf(rows, "TransferRequested").path("payerCustomerId").asText()).isEqualTo(customerId);

        // (b) ledger.events: neither values nor headers
        Set<String> types = Set.of("MoneyDeposited", "MoneyWithdrawn", "TransferRequested");
        List<ConsumerRecord<String, byte[]>> records = PublishedRecords.read(Set.of(accountId, transferId),
                found -> found.stream().map(PublishedRecords::typeOf).toList().containsAll(types));
        for (ConsumerRecord<String, byte[]> record : records) {
            assertNoTextIn(texts, new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(header -> {
                assertThat(header.key()).doesNotContain("transferDescription");
                assertNoTextIn(texts, new String(header.value(), StandardCharsets.UTF_8));
            });
        }

        // (c) the audit API opens them
        String accountHistory = ok("/api/audit/accounts/" + accountId + "/events");
        String transferHistory = ok("/api/audit/transfers/" + transferId + "/events");
        assertThat(accountHistory).contains(texts.get("depositDescription"), texts.get("depositReference"),
                texts.get("depositExternal"), texts.get("withdrawalDescription"), texts.get("withdrawalExternal"))
                .doesNotContain(PersonalData.SEALED_PREFIX);
        assertThat(transferHistory).contains(texts.get("transferDescription"), texts.get("transferReference"))
                .doesNotContain(PersonalData.SEALED_PREFIX);

        // (d) after the erasure, the mask in place of every one of them, and no key
        command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

        assertThat(keyRows()).isZero();
        JsonNode deposit = auditedPayload("/api/audit/accounts/" + accountId + "/events", "MoneyDeposited");
        JsonNode withdrawal = auditedPayload("/api/audit/accounts/" + accountId + "/events", "MoneyWithdrawn");
        JsonNode transfer = auditedPayload("/api/audit/transfers/" + transferId + "/events", "TransferRequested");
        for (JsonNode text : List.of(deposit.path("description"), deposit.path("reference"),
                deposit.path("externalReference"), withdrawal.path("description"), withdrawal.path("externalReference"),
                transfer.path("description"), transfer.path("reference"))) {
            assertThat(text.asText()).isEqualTo(PersonalDataOpener.ERASED);
        }
        String erasedHistories = ok("/api/audit/accounts/" + accountId + "/events")
                + ok("/api/audit/transfers/" + transferId + "/events");
        assertNoTextIn(texts, erasedHistories);
        assertThat(erasedHistories).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void aBookingAfterTheOwnersErasureMovesTheMoneyKeepsNoTextAndCreatesNoKey() throws Exception {
        command(HttpMethod.POST, "/api/customers/" + customerId + "/erasure", null);

        ResponseEntity<String> deposit = command(HttpMethod.POST, "/api/accounts/" + accountId + "/deposits",
                "{\"amount\":\"5.00\",\"currency\":\"EUR\",\"description\":\"After " + unique + "\",\"reference\":\"R-"
                        + unique + "\"}");

        assertThat(deposit.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode stored = json.readTree(jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", byte[].class, accountId));
        assertThat(stored.path("balance").path("amount").asText()).isEqualTo("5.00");
        assertThat(stored.path("description").isNull()).isTrue();
        assertThat(stored.path("reference").isNull()).isTrue();
        assertThat(stored.toString()).doesNotContain(unique);
        assertThat(keyRows()).isZero();
    }

    private void assertNoTextIn(Map<String, String> texts, String where) {
        assertThat(where).doesNotContain(unique).doesNotContain(texts.values());
    }

    private void assertSealed(JsonNode payload, String... fields) {
        for (String field : fields) {
            assertThat(payload.path(field).asText()).as(field).startsWith(PersonalData.SEALED_PREFIX);
        }
    }

    private JsonNode payloadOf(List<Map<String, Object>> rows, String type) throws Exception {
        for (Map<String, Object> row : rows) {
            if (("io.ledgerline.events." + type).equals(row.get("payload_type"))) {
                return json.readTree((byte[]) row.get("payload"));
            }
        }
        throw new AssertionError("no " + type + " stored");
    }

    private JsonNode auditedPayload(String path, String type) throws Exception {
        for (JsonNode event : json.readTree(ok(path)).path("events")) {
            if (type.equals(event.path("type").asText())) {
                return event.path("payload");
            }
        }
        throw new AssertionError("no " + type + " in " + path);
    }

    private long keyRows() {
        return jdbc.queryForObject("SELECT count(*) FROM personal_data_keys WHERE customer_id = ?", Long.class,
                customerId);
    }

    private String openAccount() throws Exception {
        return field(command(HttpMethod.POST, "/api/accounts",
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}"), "accountId");
    }

    private String field(ResponseEntity<String> response, String name) throws Exception {
        return json.readTree(response.getBody()).path(name).asText();
    }

    private ResponseEntity<String> command(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, response.getBody()).isTrue();
        return response;
    }

    private String ok(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
