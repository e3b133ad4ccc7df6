package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.DebitAccountForTransferCommand;
import io.ledgerline.command.account.DepositMoneyCommand;
import io.ledgerline.testsupport.apidocs.CommittedApiDocument;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.PersonalData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.mock.web.MockHttpServletRequest;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST command API over HTTP against the real event store: what it answers and what it stores. */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledgerline.links.query-base-url=http://query.example:8082")
class CommandApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandBus commandBus;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    CommandExecutor executor;
    @Autowired
    TestTokens tokens;
    @LocalServerPort
    int port;

    String customerId;
    String accountId;

    @BeforeEach
    void openAccount() throws Exception {
        customerId = id(send(HttpMethod.POST, "/api/customers", customer("Ada", "ada-" + UUID.randomUUID() + "@example.org"),
                Map.of()), HttpStatus.CREATED, "customerId");
        accountId = id(send(HttpMethod.POST, "/api/accounts",
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", Map.of()), HttpStatus.CREATED, "accountId");
    }

    @Nested
    class AccountCommands {

        @Test
        void depositAnswersTheNewVersionAsBodyAndETag() throws Exception {
            ResponseEntity<String> response = post(deposits(), money("12.50"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.path("accountId").asText()).isEqualTo(accountId);
            assertThat(body.path("version").asLong()).isEqualTo(1);
            assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
            assertThat(lastPayload().path("balance").path("amount").asText()).isEqualTo("12.50");
        }

        @Test
        void acceptsAJsonNumberAsAnExactDecimal() throws Exception {
            ResponseEntity<String> response = post(deposits(), "{\"amount\":0.10,\"currency\":\"EUR\",\"description\":\"dimes\"}");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(lastPayload().path("amount").path("amount").asText()).isEqualTo("0.10");
        }

        @Test
        void recordsThePayersAndThePaymentSystemsReferencesOfADeposit() throws Exception {
            post(deposits(), "{\"amount\":\"5\",\"currency\":\"EUR\",\"description\":\"rent\",\"reference\":\"INV-1\","
                    + "\"externalReference\":\"PAY-1\"}");

            assertThat(lastPayload().path("reference").asText()).startsWith(PersonalData.SEALED_PREFIX).doesNotContain("INV-1");
            assertThat(lastPayload().path("externalReference").asText()).startsWith(PersonalData.SEALED_PREFIX);
            assertThat(lastPayload().path("customerId").asText()).isEqualTo(customerId);
            assertThat(lastRow().get("payload_revision")).isEqualTo("4");
            JsonNode history = json.readTree(send(HttpMethod.GET, "/api/audit/accounts/" + accountId + "/events?size=200", null,
                    Map.of()).getBody());
            JsonNode audited = history.path("events").get(history.path("events").size() - 1).path("payload");
            assertThat(audited.path("reference").asText()).isEqualTo("INV-1");
            assertThat(audited.path("externalReference").asText()).isEqualTo("PAY-1");
        }

        @Test
        void refusesAWithdrawalBeyondTheFundsAndStoresNothing() throws Exception {
            post(deposits(), money("10"));

            assertProblem(post(withdrawals(), money("10.01")), HttpStatus.UNPROCESSABLE_ENTITY, "INSUFFICIENT_FUNDS");
            assertThat(events(accountId)).isEqualTo(2);
        }

        @Test
        void refusesAnAmountAboveTheMaximumAndStoresNothing() throws Exception {
            assertThat(post(deposits(), money("1000000000.00")).getStatusCode()).isEqualTo(HttpStatus.OK);

            assertProblem(post(deposits(), money("1000000000.01")), HttpStatus.UNPROCESSABLE_ENTITY, "AMOUNT_TOO_LARGE");
            assertProblem(post(withdrawals(), money("999999999999999")), HttpStatus.UNPROCESSABLE_ENTITY,
                    "AMOUNT_TOO_LARGE");
            assertProblem(send(HttpMethod.PUT, "/api/accounts/" + accountId + "/overdraft-limit",
                    "{\"limit\":\"1000000000.01\"}", Map.of()), HttpStatus.UNPROCESSABLE_ENTITY,
                    "AMOUNT_TOO_LARGE");
            assertThat(events(accountId)).isEqualTo(2);
        }

        @Test
        void withdrawsWithinTheFunds() throws Exception {
            post(deposits(), money("10"));

            ResponseEntity<String> response = post(withdrawals(), money("4"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(lastPayload().path("balance").path("amount").asText()).isEqualTo("6.00");
        }

        @Test
        void freezesUnfreezesAndClosesAnAccount() throws Exception {
            assertThat(version(post(account("/freeze"), null))).isEqualTo(1);
            assertProblem(post(withdrawals(), money("1")), HttpStatus.UNPROCESSABLE_ENTITY, "ACCOUNT_FROZEN");
            assertThat(version(post(account("/unfreeze"), null))).isEqualTo(2);
            assertThat(version(post(account("/close"), null))).isEqualTo(3);
            assertProblem(post(deposits(), money("1")), HttpStatus.UNPROCESSABLE_ENTITY, "ACCOUNT_CLOSED");
        }

        @Test
        void setsTheOverdraftLimit() throws Exception {
            ResponseEntity<String> response = send(HttpMethod.PUT, account("/overdraft-limit"), "{\"limit\":\"50\"}", Map.of());

            assertThat(version(response)).isEqualTo(1);
            assertThat(post(withdrawals(), money("50")).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        @Test
        void answersNotFoundForAnUnknownAccount() throws Exception {
            assertProblem(post("/api/accounts/" + UUID.randomUUID() + "/deposits", money("1")), HttpStatus.NOT_FOUND, "NOT_FOUND");
        }

        @Test
        void answersNotFoundForTheIdOfAnotherKindOfAggregate() throws Exception {
            long before = events(customerId);

            assertProblem(post("/api/accounts/" + customerId + "/freeze", null), HttpStatus.NOT_FOUND, "NOT_FOUND");
            assertThat(events(customerId)).isEqualTo(before);
        }
    }

    @Nested
    class CustomerCommands {

        @Test
        void changesACustomersDetails() throws Exception {
            ResponseEntity<String> response = send(HttpMethod.PUT, "/api/customers/" + customerId,
                    customer("Ada King", "king-" + UUID.randomUUID() + "@example.org"), Map.of());

            assertThat(version(response)).isEqualTo(1);
            assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        }

        @Test
        void erasesACustomer() throws Exception {
            assertThat(version(post("/api/customers/" + customerId + "/erasure", null))).isEqualTo(1);
            assertProblem(post("/api/customers/" + customerId + "/erasure", null),
                    HttpStatus.UNPROCESSABLE_ENTITY, "CUSTOMER_ERASED");
        }

        @Test
        void answersNotFoundForAnUnknownCustomer() throws Exception {
            assertProblem(send(HttpMethod.PUT, "/api/customers/" + UUID.randomUUID(), customer("N", "n@example.org"), Map.of()),
                    HttpStatus.NOT_FOUND, "NOT_FOUND");
            assertProblem(post("/api/customers/" + accountId + "/erasure", null), HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
    }

    @Nested
    class Transfers {

        @Test
        void acceptsATransferThatTheSagaThenCompletes() throws Exception {
            post(deposits(), money("100"));
            String destination = id(send(HttpMethod.POST, "/api/accounts",
                    "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", Map.of()), HttpStatus.CREATED, "accountId");

            ResponseEntity<String> response = post("/api/transfers", transfer(null, destination, "30"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            String transferId = json.readTree(response.getBody()).path("transferId").asText();
            assertThat(response.getHeaders().getLocation()).hasToString("http://query.example:8082/api/transfers/" + transferId);
            await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(transferId).contains("io.ledgerline.events.TransferCompleted"));
        }

        @Test
        void refusesAClientTransferIdThatNamesAnotherAggregate() throws Exception {
            String destination = id(send(HttpMethod.POST, "/api/accounts",
                    "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", Map.of()), HttpStatus.CREATED, "accountId");
            long before = events(customerId);

            assertProblem(post("/api/transfers", transfer(customerId, destination, "1")), HttpStatus.CONFLICT, "ID_IN_USE");
            assertThat(events(customerId)).isEqualTo(before);
        }

        @Test
        void refusesATransferAboveTheMaximumAndStoresNothing() throws Exception {
            String destination = id(send(HttpMethod.POST, "/api/accounts",
                    "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", Map.of()), HttpStatus.CREATED, "accountId");

            assertProblem(post("/api/transfers", transfer(null, destination, "999999999999999")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "AMOUNT_TOO_LARGE");
            assertThat(events(accountId)).isEqualTo(1);
            assertThat(events(destination)).isEqualTo(1);
        }

        @Test
        void refusesATransferFromAnUnknownAccountByRule() throws Exception {
            assertProblem(post("/api/transfers", transfer(null, UUID.randomUUID().toString(), "1")),
                    HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_ACCOUNT");
        }

        private String transfer(String transferId, String destination, String amount) {
            return "{" + (transferId == null ? "" : "\"transferId\":\"" + transferId + "\",")
                    + "\"fromAccountId\":\"" + accountId + "\",\"toAccountId\":\"" + destination
                    + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"description\":\"rent\"}";
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void refusesAnAbsurdExponentQuicklyAndStoresNothing() throws Exception {
            long started = System.nanoTime();

            assertRefusedAsInput("{\"amount\":1e999999999,\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":1e-999999999,\"currency\":\"EUR\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        void refusesANumberWithThousandsOfDigits() throws Exception {
            assertRefusedAsInput("{\"amount\":" + "9".repeat(5000) + ",\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":\"" + "9".repeat(5000) + "\",\"currency\":\"EUR\"}");
        }

        @Test
        void refusesWrongTypesMissingAndUnknownFields() throws Exception {
            assertRefusedAsInput("{\"amount\":true,\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":\"ten\",\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":[1],\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"currency\":\"EUR\"}");
            assertRefusedAsInput("{\"amount\":\"1\",\"currency\":\"EUR\",\"balance\":\"1000000\"}");
            assertRefusedAsInput("{\"amount\":\"1\",");
            assertRefusedAsInput("[]");
        }

        @Test
        void refusesABodyLargerThan64KiBWithADeclaredLength() throws Exception {
            String body = "{\"amount\":\"1\",\"currency\":\"EUR\",\"description\":\"" + "x".repeat(70 * 1024) + "\"}";

            assertProblem(post(deposits(), body), HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE");
            assertThat(events(accountId)).isEqualTo(1);
        }

        @Test
        void refusesAChunkedBodyLargerThan64KiB() throws Exception {
            byte[] body = ("{\"amount\":\"1\",\"currency\":\"EUR\",\"description\":\"" + "x".repeat(70 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + deposits()).toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setChunkedStreamingMode(4096);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", "Bearer " + tokens.staff());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent
            }

            assertThat(connection.getResponseCode()).isEqualTo(413);
            assertThat(new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            assertThat(events(accountId)).isEqualTo(1);
        }

        private void assertRefusedAsInput(String body) throws Exception {
            long before = events(accountId);
            ResponseEntity<String> response = post(deposits(), body);
            assertThat(response.getStatusCode()).as(body.length() > 80 ? body.substring(0, 80) : body)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(response.getBody()).path("code").asText()).isIn("MALFORMED_REQUEST", "INVALID_REQUEST");
            assertThat(events(accountId)).isEqualTo(before);
        }
    }

    @Nested
    class OptimisticConcurrency {

        @Test
        void acceptsACommandOnTheVersionTheCallerSaw() throws Exception {
            ResponseEntity<String> response = send(HttpMethod.POST, deposits(), money("1"), Map.of("If-Match", "\"0\""));

            assertThat(version(response)).isEqualTo(1);
        }

        @Test
        void refusesAStaleVersionAsAConflictAndStoresNothing() throws Exception {
            post(deposits(), money("1"));

            assertProblem(send(HttpMethod.POST, withdrawals(), money("1"), Map.of("If-Match", "\"0\"")),
                    HttpStatus.CONFLICT, "VERSION_CONFLICT");
            assertProblem(send(HttpMethod.POST, account("/freeze"), null, Map.of("If-Match", "\"7\"")),
                    HttpStatus.CONFLICT, "VERSION_CONFLICT");
            assertThat(events(accountId)).isEqualTo(2);
        }

        @Test
        void refusesAMalformedIfMatch() throws Exception {
            assertProblem(send(HttpMethod.POST, deposits(), money("1"), Map.of("If-Match", "\"abc\"")),
                    HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryWithTheSameKeyAndBodyAnswersTheSameAndChangesNothing() throws Exception {
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

            ResponseEntity<String> first = send(HttpMethod.POST, deposits(), money("5"), key);
            ResponseEntity<String> retry = send(HttpMethod.POST, deposits(), "{ \"description\": \"test\",\n \"currency\": \"EUR\", \"amount\": \"5\" }", key);

            assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
            assertThat(retry.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
            assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(events(accountId)).isEqualTo(2);
        }

        @Test
        void aRetriedCreationAnswersTheSameIdAndCreatesOneAccount() throws Exception {
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            String body = "{\"customerId\":\"" + customerId + "\",\"currency\":\"USD\"}";

            ResponseEntity<String> first = send(HttpMethod.POST, "/api/accounts", body, key);
            ResponseEntity<String> retry = send(HttpMethod.POST, "/api/accounts", body, key);

            assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
            assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account_registry WHERE customer_id = ? AND currency = 'USD'",
                    Long.class, customerId)).isEqualTo(1);
        }

        @Test
        void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            send(HttpMethod.POST, deposits(), money("5"), key);

            assertProblem(send(HttpMethod.POST, deposits(), money("6"), key), HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED");
            assertProblem(send(HttpMethod.POST, withdrawals(), money("5"), key), HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED");
            assertThat(events(accountId)).isEqualTo(2);
        }

        @Test
        void aRefusedCommandRecordsNoKeySoItsRetryRunsAgain() throws Exception {
            String key = UUID.randomUUID().toString();

            assertProblem(send(HttpMethod.POST, withdrawals(), money("5"), Map.of("Idempotency-Key", key)),
                    HttpStatus.UNPROCESSABLE_ENTITY, "INSUFFICIENT_FUNDS");
            assertThat(keyRecorded(key)).isFalse();

            post(deposits(), money("5"));
            ResponseEntity<String> retry = send(HttpMethod.POST, withdrawals(), money("5"), Map.of("Idempotency-Key", key));
            assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(retry.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
            assertThat(keyRecorded(key)).isTrue();
        }

        @Test
        void aSucceededCommandRecordsItsKeyAndItsEvents() throws Exception {
            String key = UUID.randomUUID().toString();

            send(HttpMethod.POST, deposits(), money("3"), Map.of("Idempotency-Key", key));

            assertThat(keyRecorded(key)).isTrue();
            assertThat(events(accountId)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT response_status FROM idempotency_key WHERE idempotency_key = ?",
                    Integer.class, key)).isEqualTo(200);
        }

        @Test
        void concurrentDuplicatesTakeEffectOnce() throws Exception {
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Callable<ResponseEntity<String>>> duplicates = java.util.stream.IntStream.range(0, 6)
                        .<Callable<ResponseEntity<String>>>mapToObj(i -> () -> send(HttpMethod.POST, deposits(), money("2"), key))
                        .toList();
                List<ResponseEntity<String>> responses = clients.invokeAll(duplicates).stream().map(CommandApiIT::join).toList();

                assertThat(responses).allSatisfy(response -> assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK));
                assertThat(responses.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
            } finally {
                clients.shutdownNow();
            }
            assertThat(events(accountId)).isEqualTo(2);
            assertThat(lastPayload().path("balance").path("amount").asText()).isEqualTo("2.00");
        }

        @Test
        void theEventsOfACommandRollBackWithTheTransactionOfItsKey() throws Exception {
            String key = UUID.randomUUID().toString();
            MockHttpServletRequest request = new MockHttpServletRequest("POST", deposits());
            request.addHeader("Idempotency-Key", key);

            assertThatThrownBy(() -> executor.execute(request, "deposit", String.class, () -> {
                commandGateway.sendAndWait(new DepositMoneyCommand(AccountId.of(accountId), BigDecimal.ONE,
                        Currency.getInstance("EUR"), "rolled back"));
                throw new IllegalStateException("failing after the command succeeded");
            })).hasMessage("failing after the command succeeded");

            assertThat(events(accountId)).as("the deposit's event was appended in the same transaction").isEqualTo(1);
            assertThat(keyRecorded(key)).isFalse();
            assertThat(version(post(deposits(), money("1")))).as("the account still loads at version 0").isEqualTo(1);
        }

        @Test
        void refusesAnUnusableKey() throws Exception {
            assertProblem(send(HttpMethod.POST, deposits(), money("1"), Map.of("Idempotency-Key", "x".repeat(256))),
                    HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY");
        }

        private boolean keyRecorded(String key) {
            return jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Long.class, key) > 0;
        }
    }

    @Nested
    class Metadata {

        @Test
        void recordsCallerCorrelationAndCausationOnEveryEventAndEchoesTheCorrelationId() throws Exception {
            ResponseEntity<String> response = send(HttpMethod.POST, deposits(), money("1"),
                    Map.of("X-Correlation-Id", "corr-123"));

            assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("corr-123");
            JsonNode metadata = json.readTree((byte[]) lastRow().get("meta_data"));
            assertThat(metadata.path("user").asText()).isEqualTo(TestTokens.STAFF_SUBJECT);
            assertThat(metadata.path("correlationId").asText()).isEqualTo("corr-123");
            assertThat(metadata.path("causationId").asText()).isNotBlank().isNotEqualTo("corr-123");
        }

        @Test
        void generatesACorrelationIdWhenTheCallerGivesNoneOrAnUnusableOne() throws Exception {
            ResponseEntity<String> response = send(HttpMethod.POST, deposits(), money("1"),
                    Map.of("X-Correlation-Id", "not a token\t"));

            String generated = response.getHeaders().getFirst("X-Correlation-Id");
            assertThat(generated).isNotBlank().isNotEqualTo("not a token\t");
            assertThat(json.readTree((byte[]) lastRow().get("meta_data")).path("correlationId").asText()).isEqualTo(generated);
        }

        @Test
        void theSagasCommandsAreCausedByTheEventItHandledAndKeepTheCorrelation() throws Exception {
            post(deposits(), money("10"));
            String destination = id(send(HttpMethod.POST, "/api/accounts",
                    "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", Map.of()), HttpStatus.CREATED, "accountId");
            List<CommandMessage<?>> sagaDebits = new CopyOnWriteArrayList<>();
            Registration capture = commandBus.registerDispatchInterceptor(commands -> (index, command) -> {
                if (command.getPayload() instanceof DebitAccountForTransferCommand) {
                    sagaDebits.add(command);
                }
                return command;
            });
            String transferId;
            try {
                ResponseEntity<String> accepted = send(HttpMethod.POST, "/api/transfers", "{\"fromAccountId\":\"" + accountId
                        + "\",\"toAccountId\":\"" + destination + "\",\"amount\":\"3\",\"currency\":\"EUR\",\"description\":\"gift\"}",
                        Map.of("X-Correlation-Id", "transfer-corr-1"));
                transferId = json.readTree(accepted.getBody()).path("transferId").asText();
                await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(accountId).contains(
                        "io.ledgerline.events.AccountDebitedForTransfer"));
            } finally {
                capture.cancel();
            }

            Map<String, Object> requested = jdbc.queryForMap("""
                    SELECT event_identifier, meta_data FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type = 'io.ledgerline.events.TransferRequested'""", transferId);
            JsonNode requestedMetadata = json.readTree((byte[]) requested.get("meta_data"));
            assertThat(requestedMetadata.path("correlationId").asText()).isEqualTo("transfer-corr-1");
            assertThat(requestedMetadata.has("transferDescription")).as("the text is sealed in the payload").isFalse();
            assertThat(sagaDebits).singleElement().satisfies(command -> {
                assertThat(command.getMetaData()).containsEntry("causationId", requested.get("event_identifier"))
                        .containsEntry("correlationId", "transfer-corr-1")
                        .containsEntry("user", TestTokens.STAFF_SUBJECT);
                JsonNode debit = json.readTree(jdbc.queryForObject("""
                        SELECT meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = 'io.ledgerline.events.AccountDebitedForTransfer'""",
                        byte[].class, accountId));
                assertThat(debit.path("causationId").asText()).isEqualTo(command.getIdentifier());
                assertThat(debit.path("correlationId").asText()).isEqualTo("transfer-corr-1");
                assertThat(debit.toString()).doesNotContain("gift");
            });
        }
    }

    @Test
    void documentsEveryCommandEndpointWithOpenApi() throws Exception {
        JsonNode paths = json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody()).path("paths");

        assertThat(paths.fieldNames()).toIterable().contains("/api/customers", "/api/customers/{customerId}",
                "/api/customers/{customerId}/erasure", "/api/accounts", "/api/accounts/{accountId}/deposits",
                "/api/accounts/{accountId}/withdrawals", "/api/accounts/{accountId}/freeze",
                "/api/accounts/{accountId}/unfreeze", "/api/accounts/{accountId}/close",
                "/api/accounts/{accountId}/overdraft-limit", "/api/transfers");
        JsonNode withdrawal = paths.path("/api/accounts/{accountId}/withdrawals").path("post");
        assertThat(withdrawal.path("responses").path("422").path("description").asText()).contains("INSUFFICIENT_FUNDS");
        assertThat(withdrawal.path("parameters").toString()).contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
        assertThat(withdrawal.path("responses").path("200").path("headers").fieldNames()).toIterable()
                .contains("ETag", "Idempotent-Replayed", "X-Correlation-Id").doesNotContain("Location");
        assertThat(paths.path("/api/transfers").path("post").path("responses").path("202").path("headers").fieldNames())
                .toIterable().contains("Location").doesNotContain("ETag");
    }

    @Test
    void namesTheCodesOfEveryErrorAnswerInItsSchema() throws Exception {
        JsonNode paths = json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody()).path("paths");

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(answer -> {
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        assertThat(codes(answer.getValue())).as("%s %s %s", operation.getKey(), path.getKey(),
                                answer.getKey()).isNotEmpty();
                    }
                })));
        JsonNode freeze = paths.path("/api/accounts/{accountId}/freeze").path("post").path("responses");
        assertThat(codes(freeze.path("400"))).containsExactly("INVALID_REQUEST", "INVALID_IDEMPOTENCY_KEY",
                "MALFORMED_REQUEST");
        assertThat(codes(freeze.path("409"))).containsExactly("VERSION_CONFLICT", "IDEMPOTENCY_KEY_REUSED", "CONFLICT");
        assertThat(codes(freeze.path("422"))).containsExactly("ACCOUNT_CLOSED");
        assertThat(codes(freeze.path("429"))).containsExactly("RATE_LIMITED");
        assertThat(codes(paths.path("/api/transfers").path("post").path("responses").path("409")))
                .contains("TRANSFER_ID_REUSED", "ID_IN_USE");
    }

    @Test
    void requiresEveryFieldOfAnAnswerAndLetsOnlyWhatCanBeNullBeNull() throws Exception {
        JsonNode schemas = json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody())
                .path("components").path("schemas");

        for (String answer : List.of("AccountCommandResponse", "CustomerCommandResponse", "TransferAccepted",
                "AccountState", "CustomerState", "TransferState", "EventPage", "AuditedEvent", "RepublishStatus")) {
            JsonNode schema = schemas.path(answer);
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            assertThat(required).as(answer).containsExactlyInAnyOrderElementsOf(properties);
        }
        assertThat(schemas.path("TransferState").path("properties").path("outcome").path("anyOf").toString())
                .contains("\"null\"");
        assertThat(schemas.path("AccountState").path("properties").path("balance").path("type").asText())
                .isEqualTo("string");
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("content").path("application/problem+json").path("schema").path("allOf").path(1)
                .path("properties").path("code").path("enum").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    @Test
    void publishesAValidDocumentWithoutTheErrorControllerAndWithEachTagOnce() {
        CommittedApiDocument.assertPublishable(http.getForEntity("/v3/api-docs", String.class).getBody(),
                "Ledgerline command API");
    }

    @Test
    void servesTheCommittedOpenApiDocument() {
        new CommittedApiDocument("command-side.openapi.yaml").assertServedAsCommitted(
                http.getForEntity("/v3/api-docs", String.class).getBody());
    }

    private String deposits() {
        return account("/deposits");
    }

    private String withdrawals() {
        return account("/withdrawals");
    }

    private String account(String suffix) {
        return "/api/accounts/" + accountId + suffix;
    }

    private static String money(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"description\":\"test\"}";
    }

    private static String customer(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    private ResponseEntity<String> post(String path, String body) {
        return send(HttpMethod.POST, path, body, Map.of());
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        extraHeaders.forEach(headers::add);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private String id(ResponseEntity<String> response, HttpStatus status, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return json.readTree(response.getBody()).path(field).asText();
    }

    private long version(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody()).path("version").asLong();
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo(code);
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId);
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                aggregateId);
    }

    private Map<String, Object> lastRow() {
        return jdbc.queryForMap("""
                SELECT payload, payload_revision, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", accountId);
    }

    private JsonNode lastPayload() throws IOException {
        return json.readTree((byte[]) lastRow().get("payload"));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
