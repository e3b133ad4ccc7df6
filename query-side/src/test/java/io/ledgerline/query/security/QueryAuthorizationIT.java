package io.ledgerline.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.EventStoreTable;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import io.ledgerline.testsupport.hostile.HostileHttp;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.testsupport.security.TokenAttacks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side's authorization matrix over HTTP: every role against every endpoint, on the
 * caller's own data and on another customer's, with the exact answer; customers' searches return
 * only their own data; refused requests change nothing; tokens that must not be accepted are not.
 */
class QueryAuthorizationIT extends QuerySideIT {

    private static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("account", "GET /api/accounts/{account}"),
            Map.entry("account-awaited", "GET /api/accounts/{account}?minVersion=0"),
            Map.entry("accounts", "GET /api/accounts?customerId={customer}"),
            Map.entry("statement", "GET /api/accounts/{account}/transactions"),
            Map.entry("live-updates", "GET /api/accounts/{account}/events"),
            Map.entry("transfer", "GET /api/transfers/{transfer}"),
            Map.entry("customer", "GET /api/customers/{customer}"),
            Map.entry("search-accounts", "GET /api/search/accounts?q={customer}"),
            Map.entry("search-transactions", "GET /api/search/transactions?accountId={account}"),
            Map.entry("search-audit", "GET /api/audit/events"),
            Map.entry("projections", "GET /api/admin/projections"),
            Map.entry("parked-events", "GET /api/admin/parked-events"),
            Map.entry("parked-retry", "POST /api/admin/parked-events/999999999/retry"),
            Map.entry("rebuild", "POST /api/admin/projections/no-such-projection/rebuild"),
            Map.entry("rebuilds", "GET /api/admin/rebuilds"),
            Map.entry("rebuild-cancel", "POST /api/admin/rebuilds/no-such-rebuild/cancel"),
            Map.entry("reconciliation", "GET /api/admin/reconciliation"),
            Map.entry("metrics", "GET /actuator/metrics"));

    /**
     * Caller, endpoint, whose data (own or other, the other customer's), expected status. Another
     * customer's account, customer or transfer is as unknown as a missing one: 404 NOT_FOUND, and
     * with minVersion 409 VERSION_NOT_YET_PROJECTED once the wait is over, as for an id never issued.
     * The administration rows for ADMIN name unknown ids, so that they answer 404 without changing anything.
     */
    private static final String MATRIX = """
            CUSTOMER       account              own    200
            CUSTOMER       account              other  404
            CUSTOMER       account-awaited      own    200
            CUSTOMER       account-awaited      other  409
            CUSTOMER       accounts             own    200
            CUSTOMER       accounts             other  200
            CUSTOMER       statement            own    200
            CUSTOMER       statement            other  404
            CUSTOMER       live-updates         own    200
            CUSTOMER       live-updates         other  404
            CUSTOMER       transfer             own    200
            CUSTOMER       transfer             other  404
            CUSTOMER       customer             own    200
            CUSTOMER       customer             other  404
            CUSTOMER       search-accounts      own    200
            CUSTOMER       search-accounts      other  200
            CUSTOMER       search-transactions  own    200
            CUSTOMER       search-transactions  other  200
            CUSTOMER       search-audit         own    403
            CUSTOMER       projections          own    403
            CUSTOMER       parked-events        own    403
            CUSTOMER       parked-retry         own    403
            CUSTOMER       rebuild              own    403
            CUSTOMER       rebuilds             own    403
            CUSTOMER       rebuild-cancel       own    403
            CUSTOMER       reconciliation       own    403
            CUSTOMER       metrics              own    403
            CUSTOMER_NO_ID account              own    403
            CUSTOMER_NO_ID search-accounts      own    403
            CUSTOMER_NO_ID search-transactions  own    403
            TELLER         account              other  200
            TELLER         accounts             other  200
            TELLER         statement            other  200
            TELLER         live-updates         other  200
            TELLER         transfer             other  200
            TELLER         customer             other  200
            TELLER         search-accounts      other  200
            TELLER         search-transactions  other  200
            TELLER         search-audit         other  403
            TELLER         projections          other  403
            TELLER         parked-events        other  403
            TELLER         parked-retry         other  403
            TELLER         rebuild              other  403
            TELLER         rebuilds             other  403
            TELLER         rebuild-cancel       other  403
            TELLER         reconciliation       other  403
            TELLER         metrics              other  403
            PAYMENTS       account              other  403
            PAYMENTS       accounts             other  403
            PAYMENTS       statement            other  403
            PAYMENTS       live-updates         other  403
            PAYMENTS       transfer             other  403
            PAYMENTS       customer             other  403
            PAYMENTS       search-accounts      other  403
            PAYMENTS       search-transactions  other  403
            PAYMENTS       search-audit         other  403
            PAYMENTS       projections          other  403
            PAYMENTS       parked-events        other  403
            PAYMENTS       parked-retry         other  403
            PAYMENTS       rebuild              other  403
            PAYMENTS       rebuilds             other  403
            PAYMENTS       rebuild-cancel       other  403
            PAYMENTS       reconciliation       other  403
            PAYMENTS       metrics              other  403
            AUDITOR        account              other  200
            AUDITOR        accounts             other  200
            AUDITOR        statement            other  200
            AUDITOR        live-updates         other  200
            AUDITOR        transfer             other  200
            AUDITOR        customer             other  200
            AUDITOR        search-accounts      other  200
            AUDITOR        search-transactions  other  200
            AUDITOR        search-audit         other  200
            AUDITOR        projections          other  403
            AUDITOR        parked-events        other  403
            AUDITOR        parked-retry         other  403
            AUDITOR        rebuild              other  403
            AUDITOR        rebuilds             other  403
            AUDITOR        rebuild-cancel       other  403
            AUDITOR        reconciliation       other  200
            AUDITOR        metrics              other  403
            ADMIN          account              other  403
            ADMIN          accounts             other  403
            ADMIN          statement            other  403
            ADMIN          transfer             other  403
            ADMIN          customer             other  403
            ADMIN          search-accounts      other  403
            ADMIN          search-transactions  other  403
            ADMIN          search-audit         other  403
            ADMIN          projections          other  200
            ADMIN          parked-events        other  200
            ADMIN          parked-retry         other  404
            ADMIN          rebuild              other  404
            ADMIN          rebuilds             other  200
            ADMIN          rebuild-cancel       other  404
            ADMIN          reconciliation       other  200
            ADMIN          metrics              other  200
            """;

    private static final HttpClient HTTP = ContractCheckedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), ApiContract.querySide());

    /** Published once: the query side is one shared context, and these reads change nothing. */
    private static Party own;
    private static Party other;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcTemplate database;

    /** A customer with two accounts and a transfer between them, the first to the other customer. */
    record Party(CustomerId customerId, AccountId accountId, AccountId secondAccountId, TransferId transferId) {
    }

    @BeforeEach
    void twoCustomersProjected() throws Exception {
        if (own != null) {
            return;
        }
        // the reconciliation rows read the event store, which only a reconciliation test may have created
        EventStoreTable.ensure(database);
        CustomerId ada = ledger.customer("Ada Matrix", "ada-" + UUID.randomUUID() + "@example.org");
        CustomerId bob = ledger.customer("Bob Matrix", "bob-" + UUID.randomUUID() + "@example.org");
        AccountId adaAccount = ledger.account(ada, "EUR");
        AccountId bobAccount = ledger.account(bob, "EUR");
        AccountId bobSecond = ledger.account(bob, "EUR");
        ledger.deposit(adaAccount, "100.00 EUR", "100.00 EUR", "ada salary");
        ledger.deposit(bobAccount, "100.00 EUR", "100.00 EUR", "bob salary");
        TransferId adaToBob = ledger.transfer(adaAccount, "90.00 EUR", bobAccount, "110.00 EUR", "10.00 EUR");
        TransferId bobToBob = ledger.transfer(bobAccount, "105.00 EUR", bobSecond, "5.00 EUR", "5.00 EUR");
        Party ownParty = new Party(ada, adaAccount, adaAccount, adaToBob);
        Party otherParty = new Party(bob, bobAccount, bobSecond, bobToBob);
        eventually("/api/transfers/" + bobToBob, found -> found.path("status").asText().equals("COMPLETED"));
        eventually("/api/search/transactions?accountId=" + bobSecond, found -> found.path("total").asLong() == 1);
        eventually("/api/search/transactions?accountId=" + adaAccount, found -> found.path("total").asLong() == 2);
        eventually("/api/search/accounts?q=" + bob, found -> found.path("total").asLong() == 2);
        own = ownParty;
        other = otherParty;
    }

    static Stream<Arguments> matrix() {
        return MATRIX.lines().filter(line -> !line.isBlank()).map(line -> line.trim().split("\\s+"))
                .map(cell -> Arguments.of(cell[0], cell[1], cell[2], Integer.parseInt(cell[3])));
    }

    @ParameterizedTest(name = "{0} {1} on {2}''s data -> {3}")
    @MethodSource("matrix")
    void answersEachRoleAsTheMatrixSays(String role, String endpoint, String whose, int expected) throws Exception {
        String before = readModels();

        Answer answer = call(ENDPOINTS.get(endpoint), whose.equals("own") ? own : other, token(role));

        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            if (expected == 403) {
                assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("FORBIDDEN");
            }
            if (expected == 404 && role.equals("CUSTOMER")) {
                assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("NOT_FOUND");
            }
            assertThat(readModels()).isEqualTo(before);
        }
    }

    static Stream<String> endpoints() {
        return ENDPOINTS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @MethodSource("endpoints")
    void refusesEveryProtectedEndpointWithoutAToken(String endpoint) throws Exception {
        Answer answer = call(ENDPOINTS.get(endpoint), own, null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.challenge()).startsWith("Bearer");
        assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    static Stream<Arguments> attacks() throws Exception {
        return TokenAttacks.all().entrySet().stream().flatMap(attack -> Stream.of("account", "search-transactions",
                "search-audit", "rebuilds").map(endpoint -> Arguments.of(attack.getKey(), attack.getValue(), endpoint)));
    }

    @ParameterizedTest(name = "{0} token: {2} -> 401")
    @MethodSource("attacks")
    void refusesTokensThatMustNotBeAccepted(String attack, String token, String endpoint) throws Exception {
        Answer answer = call(ENDPOINTS.get(endpoint), own, token.isEmpty() ? null : token);

        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.challenge()).startsWith("Bearer");
        assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void healthAndApiDocumentationNeedNoToken() throws Exception {
        Map<String, Integer> expected = Map.of("/actuator/health", wholeHealthStatus(), "/actuator/health/readiness", 200,
                "/actuator/info", 200, "/v3/api-docs", 200, "/swagger-ui.html", 302);
        for (Map.Entry<String, Integer> path : expected.entrySet()) {
            assertThat(call("GET " + path.getKey(), own, null).status()).as(path.getKey()).isEqualTo(path.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthTellsAnonymousCallersOnlyTheStatus(String path) throws Exception {
        // the probes leave the reconciliation out
        int expected = path.equals("/actuator/health") ? wholeHealthStatus() : 200;

        Answer answer = call("GET " + path, own, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        assertThat(json.readTree(answer.body()).properties()).as(answer.body()).extracting(Map.Entry::getKey)
                .containsExactly("status");
    }

    /**
     * What the whole of health answers now: 503 while the last reconciliation found a mismatch, which it may here,
     * as other tests of this context publish accounts to ledger.events that the tests' event store does not hold,
     * else 200. Read from the components an administrator sees; every other component must be up.
     */
    private int wholeHealthStatus() throws Exception {
        JsonNode components = json.readTree(call("GET /actuator/health", own, token("ADMIN")).body()).path("components");
        assertThat(components.properties()).as(components.toString()).isNotEmpty();
        components.properties().forEach(component -> {
            if (!component.getKey().equals("reconciliation")) {
                assertThat(component.getValue().path("status").asText()).as(component.getKey()).isEqualTo("UP");
            }
        });
        return components.path("reconciliation").path("status").asText().equals("DOWN") ? 503 : 200;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness"})
    void healthShowsAdministratorsTheComponents(String path) throws Exception {
        Answer answer = call("GET " + path, own, token("ADMIN"));

        assertThat(json.readTree(answer.body()).path("components").path("kafka").path("status").asText())
                .as(answer.body()).isEqualTo("UP");
    }

    @ParameterizedTest(name = "declared length {0} (-1: chunked)")
    @ValueSource(longs = {60_000, -1})
    void anUnfinishedBodyWithoutATokenIsRefusedBeforeItIsRead(long declared) {
        HostileHttp anonymous = new HostileHttp(URI.create(http.getRootUri()), java.util.Optional::empty,
                ApiContract.querySide());

        HostileHttp.Answer answer = anonymous.sendUnfinished("POST", "/api/admin/parked-events/1/retry", declared,
                Duration.ofSeconds(10));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void anotherCustomersDataIsAnsweredExactlyLikeAnUnknownId() throws Exception {
        String customer = token("CUSTOMER");
        for (String endpoint : List.of("account", "account-awaited", "statement", "customer", "transfer")) {
            Party unknown = new Party(CustomerId.of("cust-" + UUID.randomUUID()), AccountId.random(), AccountId.random(),
                    TransferId.of("tr-" + UUID.randomUUID()));

            JsonNode another = json.readTree(call(ENDPOINTS.get(endpoint), other, customer).body());
            JsonNode never = json.readTree(call(ENDPOINTS.get(endpoint), unknown, customer).body());

            for (String field : List.of("status", "code", "title", "projectedVersion")) {
                assertThat(another.path(field)).as(endpoint + " " + field).isEqualTo(never.path(field));
            }
        }
    }

    @Test
    void aCustomersAccountSearchFindsOnlyTheirOwnAccounts() throws Exception {
        String customer = token("CUSTOMER");

        assertThat(accountIds(call("GET /api/search/accounts?q=" + other.customerId(), own, customer)))
                .as("searching for another customer's id").isEmpty();
        assertThat(accountIds(call("GET /api/search/accounts?q=" + other.accountId(), own, customer)))
                .as("searching for another customer's account").isEmpty();
        assertThat(accountIds(call("GET /api/search/accounts?q=Matrix", own, customer)))
                .as("a name both customers share").isNotEmpty().containsOnly(own.accountId().value());
        assertThat(accountIds(call("GET /api/search/accounts?q=Matrix", own, tokens.staff())))
                .contains(own.accountId().value(), other.accountId().value());
    }

    @Test
    void aCustomersTransactionSearchCoversOnlyTheirOwnAccounts() throws Exception {
        String customer = token("CUSTOMER");

        JsonNode others = json.readTree(call("GET /api/search/transactions?accountId=" + other.accountId(), own, customer).body());
        assertThat(others.path("total").asLong()).isZero();
        assertThat(others.path("hits")).isEmpty();
        JsonNode everything = json.readTree(call("GET /api/search/transactions?q=salary", own, customer).body());
        assertThat(everything.path("total").asLong()).isEqualTo(1);
        List<String> accounts = new ArrayList<>();
        everything.path("hits").forEach(hit -> accounts.add(hit.path("accountId").asText()));
        assertThat(accounts).containsOnly(own.accountId().value());
    }

    @Test
    void aCustomerListsOnlyTheirOwnAccountsWhateverCustomerTheyName() throws Exception {
        JsonNode listed = json.readTree(call("GET /api/accounts?customerId=" + other.customerId(), own, token("CUSTOMER")).body());

        List<String> owners = new ArrayList<>();
        listed.path("items").forEach(account -> owners.add(account.path("customerId").asText()));
        assertThat(owners).isNotEmpty().containsOnly(own.customerId().value());
    }

    @Test
    void aCustomerSeesATransferToTheirAccountFromAnotherCustomer() throws Exception {
        String bob = tokens.token("bob", List.of(Roles.CUSTOMER), other.customerId().value());

        assertThat(call("GET /api/transfers/" + own.transferId(), other, bob).status()).isEqualTo(200);
    }

    @Test
    void thePayeeOfAFailedTransferSeesItsCodeButNotThePayersFinances() throws Exception {
        TransferId refused = TransferId.of("tr-" + UUID.randomUUID());
        String payersFinances = "Account " + own.accountId() + " cannot pay 500.00 EUR: 100.00 EUR available, "
                + "overdraft limit 0.00 EUR";
        ledger.publish(new TransferRequested(refused, own.accountId(), other.accountId(), Money.of("500.00", "EUR"),
                own.customerId()),
                "Transfer");
        ledger.publish(new TransferFailed(refused, "INSUFFICIENT_FUNDS", payersFinances), "Transfer");
        eventually("/api/transfers/" + refused, found -> found.path("status").asText().equals("FAILED"));
        Party failed = new Party(other.customerId(), other.accountId(), other.secondAccountId(), refused);

        JsonNode payee = json.readTree(call("GET /api/transfers/{transfer}", failed,
                tokens.token("bob", List.of(Roles.CUSTOMER), other.customerId().value())).body());
        JsonNode payer = json.readTree(call("GET /api/transfers/{transfer}", failed, token("CUSTOMER")).body());
        JsonNode teller = json.readTree(call("GET /api/transfers/{transfer}", failed, token("TELLER")).body());

        assertThat(payee.path("status").asText()).isEqualTo("FAILED");
        assertThat(payee.path("failureCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(payee.path("failureReason").asText()).isEqualTo("The transfer could not be completed")
                .doesNotContain("100.00").doesNotContain(own.accountId().value());
        assertThat(payer.path("failureReason").asText()).isEqualTo(payersFinances);
        assertThat(teller.path("failureReason").asText()).isEqualTo(payersFinances);
    }

    private String token(String role) {
        String subject = "matrix-" + role.toLowerCase();
        return switch (role) {
            case "CUSTOMER" -> tokens.token(subject, List.of(Roles.CUSTOMER), own.customerId().value());
            case "CUSTOMER_NO_ID" -> tokens.token(subject, List.of(Roles.CUSTOMER), null);
            default -> tokens.token(subject, List.of(role), null);
        };
    }

    /** What a refused request must leave as it was: the fixture's read models and the rebuilds. */
    private String readModels() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/api/accounts/" + own.accountId(), "/api/accounts/" + other.accountId(),
                "/api/customers/" + other.customerId(), "/api/transfers/" + other.transferId(), "/api/admin/rebuilds",
                "/api/search/transactions?accountId=" + other.accountId())) {
            state.append(call("GET " + path, own, tokens.staff()).body()).append('\n');
        }
        return state.toString();
    }

    private List<String> accountIds(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(answer.body()).path("hits").forEach(hit -> ids.add(hit.path("accountId").asText()));
        return ids;
    }

    record Answer(int status, String contentType, String challenge, String body) {
    }

    /** Reads the body unless it is a stream of live updates, which stays open: its headers are the answer. */
    private Answer call(String request, Party target, String token) throws IOException, InterruptedException {
        String[] methodAndPath = request.split(" ", 2);
        String path = methodAndPath[1].replace("{customer}", target.customerId().value())
                .replace("{account}", target.accountId().value()).replace("{transfer}", target.transferId().value());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .timeout(Duration.ofSeconds(30)).method(methodAndPath[0], HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        try (InputStream body = response.body()) {
            String text = contentType.startsWith("text/event-stream") ? ""
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, challenge, text);
        }
    }
}
