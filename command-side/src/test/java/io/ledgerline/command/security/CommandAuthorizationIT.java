package io.ledgerline.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import io.ledgerline.testsupport.hostile.Endpoint;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.testsupport.security.TokenAttacks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side's authorization matrix over HTTP: every role against every endpoint, on the
 * caller's own data and on another customer's, with the exact answer; a refused request changes
 * nothing. Each case gets fresh customers and accounts.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandAuthorizationIT {

    /** What each endpoint is called with; {customer} and {account} are the case's own or the other customer's. */
    private static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            endpoint("register", "POST /api/customers", "{\"name\":\"Eve\",\"email\":\"eve-{random}@example.org\"}"),
            endpoint("change-customer", "PUT /api/customers/{customer}",
                    "{\"name\":\"Ada King\",\"email\":\"ada-{random}@example.org\"}"),
            endpoint("erase-customer", "POST /api/customers/{customer}/erasure", null),
            endpoint("open-account", "POST /api/accounts", "{\"customerId\":\"{customer}\",\"currency\":\"EUR\"}"),
            endpoint("deposit", "POST /api/accounts/{account}/deposits", "{\"amount\":\"5\",\"currency\":\"EUR\"}"),
            endpoint("withdraw", "POST /api/accounts/{account}/withdrawals", "{\"amount\":\"5\",\"currency\":\"EUR\"}"),
            endpoint("freeze", "POST /api/accounts/{account}/freeze", null),
            endpoint("unfreeze", "POST /api/accounts/{account}/unfreeze", null),
            endpoint("close", "POST /api/accounts/{emptyAccount}/close", null),
            endpoint("overdraft", "PUT /api/accounts/{account}/overdraft-limit", "{\"limit\":\"50\"}"),
            endpoint("transfer", "POST /api/transfers",
                    "{\"fromAccountId\":\"{account}\",\"toAccountId\":\"{counterpart}\",\"amount\":\"1\",\"currency\":\"EUR\"}"),
            endpoint("audit-account", "GET /api/audit/accounts/{account}/events", null),
            endpoint("time-travel", "GET /api/audit/accounts/{account}/state?version=0", null),
            endpoint("audit-customer", "GET /api/audit/customers/{customer}/events", null),
            endpoint("audit-transfer", "GET /api/audit/transfers/{transfer}/events", null),
            // from a position beyond the store's end: an accepted republication sends nothing
            endpoint("republish", "POST /api/admin/republish?fromPosition=999999999999", null),
            endpoint("republish-status", "GET /api/admin/republish/no-such-run", null),
            // an empty range beyond the store's end: its verification ends at once
            endpoint("verify-ledger", "POST /api/admin/ledger-verifications?fromGlobalIndex=999999999999&toGlobalIndex=999999999999", null),
            endpoint("verification", "GET /api/admin/ledger-verifications/" + UUID.randomUUID(), null),
            endpoint("verifications", "GET /api/admin/ledger-verifications?size=1", null),
            endpoint("checkpoints", "GET /api/audit/checkpoints?size=1", null),
            endpoint("metrics", "GET /actuator/metrics", null));

    /**
     * The matrix: caller, endpoint, whose data (own or other, the other customer's), expected status.
     * CUSTOMER_NO_ID is a CUSTOMER token without customer_id. Another customer's account is as unknown
     * as a missing one: 404, or 422 UNKNOWN_ACCOUNT as a transfer's source. A customer books no deposit
     * or withdrawal, not even on their own account (403): money enters and leaves the ledger through a
     * teller or the payment system (PAYMENTS), and a customer moves it by transfer.
     */
    private static final String MATRIX = """
            CUSTOMER       register          own    403
            CUSTOMER       change-customer   own    403
            CUSTOMER       erase-customer    own    403
            CUSTOMER       open-account      own    403
            CUSTOMER       deposit           own    403
            CUSTOMER       deposit           other  404
            CUSTOMER       withdraw          own    403
            CUSTOMER       withdraw          other  404
            CUSTOMER       freeze            own    403
            CUSTOMER       unfreeze          own    403
            CUSTOMER       close             own    403
            CUSTOMER       overdraft         own    403
            CUSTOMER       transfer          own    202
            CUSTOMER       transfer          other  422
            CUSTOMER       audit-account     own    403
            CUSTOMER       time-travel       own    403
            CUSTOMER       audit-customer    own    403
            CUSTOMER       audit-transfer    own    403
            CUSTOMER       republish         own    403
            CUSTOMER       republish-status  own    403
            CUSTOMER       verify-ledger     own    403
            CUSTOMER       verification      own    403
            CUSTOMER       verifications     own    403
            CUSTOMER       checkpoints       own    403
            CUSTOMER       metrics           own    403
            CUSTOMER_NO_ID deposit           own    403
            CUSTOMER_NO_ID transfer          own    403
            TELLER         register          own    201
            TELLER         change-customer   other  200
            TELLER         erase-customer    other  200
            TELLER         open-account      other  201
            TELLER         deposit           other  200
            TELLER         withdraw          other  200
            TELLER         freeze            other  200
            TELLER         unfreeze          other  200
            TELLER         close             other  200
            TELLER         overdraft         other  200
            TELLER         transfer          other  202
            TELLER         audit-account     other  403
            TELLER         time-travel       other  403
            TELLER         audit-customer    other  403
            TELLER         audit-transfer    other  403
            TELLER         republish         other  403
            TELLER         republish-status  other  403
            TELLER         verify-ledger     other  403
            TELLER         verification      other  403
            TELLER         verifications     other  403
            TELLER         checkpoints       other  403
            TELLER         metrics           other  403
            PAYMENTS       register          other  403
            PAYMENTS       change-customer   other  403
            PAYMENTS       erase-customer    other  403
            PAYMENTS       open-account      other  403
            PAYMENTS       deposit           other  200
            PAYMENTS       deposit           own    200
            PAYMENTS       withdraw          other  200
            PAYMENTS       freeze            other  403
            PAYMENTS       unfreeze          other  403
            PAYMENTS       close             other  403
            PAYMENTS       overdraft         other  403
            PAYMENTS       transfer          other  403
            PAYMENTS       audit-account     other  403
            PAYMENTS       time-travel       other  403
            PAYMENTS       audit-customer    other  403
            PAYMENTS       audit-transfer    other  403
            PAYMENTS       republish         other  403
            PAYMENTS       republish-status  other  403
            PAYMENTS       verify-ledger     other  403
            PAYMENTS       verification      other  403
            PAYMENTS       verifications     other  403
            PAYMENTS       checkpoints       other  403
            PAYMENTS       metrics           other  403
            AUDITOR        register          other  403
            AUDITOR        change-customer   other  403
            AUDITOR        erase-customer    other  403
            AUDITOR        open-account      other  403
            AUDITOR        deposit           other  403
            AUDITOR        withdraw          other  403
            AUDITOR        freeze            other  403
            AUDITOR        close             other  403
            AUDITOR        overdraft         other  403
            AUDITOR        transfer          other  403
            AUDITOR        audit-account     other  200
            AUDITOR        time-travel       other  200
            AUDITOR        audit-customer    other  200
            AUDITOR        audit-transfer    other  200
            AUDITOR        republish         other  403
            AUDITOR        republish-status  other  403
            AUDITOR        metrics           other  403
            AUDITOR        verify-ledger     other  202
            AUDITOR        verification      other  404
            AUDITOR        verifications     other  200
            AUDITOR        checkpoints       other  200
            ADMIN          register          other  403
            ADMIN          change-customer   other  403
            ADMIN          deposit           other  403
            ADMIN          withdraw          other  403
            ADMIN          freeze            other  403
            ADMIN          transfer          other  403
            ADMIN          audit-account     other  403
            ADMIN          time-travel       other  403
            ADMIN          republish         other  202
            ADMIN          republish-status  other  404
            ADMIN          metrics           other  200
            ADMIN          verify-ledger     other  202
            ADMIN          verification      other  404
            ADMIN          verifications     other  200
            ADMIN          checkpoints       other  403
            """;

    private static final HttpClient HTTP = ContractCheckedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), ApiContract.commandSide());

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestTokens tokens;

    Party own;
    Party other;
    String transferId;

    /** A customer with an account holding 100 EUR and an empty one. */
    record Party(String customerId, String accountId, String emptyAccountId) {
    }

    @BeforeEach
    void twoCustomers() throws Exception {
        own = party("Ada");
        other = party("Bob");
        JsonNode transfer = staff("POST", "/api/transfers", "{\"fromAccountId\":\"" + own.accountId() + "\",\"toAccountId\":\""
                + other.accountId() + "\",\"amount\":\"1\",\"currency\":\"EUR\"}", 202);
        transferId = transfer.path("transferId").asText();
        // the saga's steps must not count as changes made by a refused request of the case
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferCompleted'",
                Long.class, transferId) == 1);
        // the verification a case started ends before another case may start one: one runs at a time
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM ledger_verification "
                + "WHERE state = 'RUNNING' AND heartbeat_at > now() - interval '30 seconds'", Long.class) == 0);
    }

    static Stream<Arguments> matrix() {
        return MATRIX.lines().filter(line -> !line.isBlank()).map(line -> line.trim().split("\\s+"))
                .map(cell -> Arguments.of(cell[0], cell[1], cell[2], Integer.parseInt(cell[3])));
    }

    @ParameterizedTest(name = "{0} {1} on {2}''s data -> {3}")
    @MethodSource("matrix")
    void answersEachRoleAsTheMatrixSays(String role, String endpointName, String whose, int expected) throws Exception {
        Party target = whose.equals("own") ? own : other;
        String subject = "matrix-" + role.toLowerCase() + "-" + UUID.randomUUID();
        long before = fixtureEvents();

        HttpResponse<String> response = call(ENDPOINTS.get(endpointName), target, token(role, subject));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(fixtureEvents()).as("events of the case's customers and accounts").isEqualTo(before);
            assertThat(eventsCausedBy(subject)).as("events caused by the refused caller").isZero();
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            String code = json.readTree(response.body()).path("code").asText();
            assertThat(code).isEqualTo(switch (expected) {
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                default -> "UNKNOWN_ACCOUNT";
            });
        }
    }

    static Stream<String> endpoints() {
        return ENDPOINTS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @MethodSource("endpoints")
    void refusesEveryProtectedEndpointWithoutAToken(String endpointName) throws Exception {
        long before = fixtureEvents();

        HttpResponse<String> response = call(ENDPOINTS.get(endpointName), own, null);

        TokenAttacks.assertUnauthenticated(response, json);
        assertThat(fixtureEvents()).isEqualTo(before);
    }

    @Test
    void healthAndApiDocumentationNeedNoToken() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/v3/api-docs",
                "/swagger-ui.html")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(200, 302);
        }
    }

    @Test
    void anotherCustomersAccountIsAnsweredExactlyLikeAnUnknownOne() throws Exception {
        String token = token("CUSTOMER", "ada");
        Endpoint deposit = ENDPOINTS.get("deposit");

        JsonNode another = json.readTree(call(deposit, other, token).body());
        JsonNode unknown = json.readTree(call(deposit, new Party(own.customerId(), "no-such-account", "x"), token).body());

        assertThat(another.path("code")).isEqualTo(unknown.path("code"));
        assertThat(another.path("status")).isEqualTo(unknown.path("status"));
    }

    @Test
    void aCustomersOwnDepositIsRefusedAndBooksNothingWhateverTheAmount() throws Exception {
        String subject = "customer-ada-" + UUID.randomUUID();
        long before = fixtureEvents();

        HttpResponse<String> deposit = call(new Endpoint("POST", "/api/accounts/{account}/deposits",
                "{\"amount\":\"999999999999999.99\",\"currency\":\"EUR\"}"), own, token("CUSTOMER", subject));

        assertThat(deposit.statusCode()).isEqualTo(403);
        assertThat(json.readTree(deposit.body()).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(fixtureEvents()).isEqualTo(before);
        assertThat(eventsCausedBy(subject)).isZero();
    }

    @Test
    void showsThePaymentSystemsReferenceInTheAuditHistory() throws Exception {
        String subject = "payments-" + UUID.randomUUID();
        HttpResponse<String> deposit = call(new Endpoint("POST", "/api/accounts/{account}/deposits",
                "{\"amount\":\"7\",\"currency\":\"EUR\",\"externalReference\":\"PAY-4711\"}"), own,
                token("PAYMENTS", subject));
        assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);

        JsonNode history = staff("GET", "/api/audit/accounts/" + own.accountId() + "/events", null, 200);
        JsonNode last = history.path("events").get(history.path("events").size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("MoneyDeposited");
        assertThat(last.path("payload").path("externalReference").asText()).isEqualTo("PAY-4711");
        assertThat(last.path("metadata").path("user").asText()).isEqualTo(subject);
    }

    @Test
    void recordsTheTokensSubjectAsTheUserOfTheEventsItCauses() throws Exception {
        String subject = "payments-" + UUID.randomUUID();
        HttpResponse<String> deposit = call(ENDPOINTS.get("deposit"), own, token("PAYMENTS", subject));
        assertThat(deposit.statusCode()).isEqualTo(200);

        JsonNode history = staff("GET", "/api/audit/accounts/" + own.accountId() + "/events", null, 200);
        List<String> users = new ArrayList<>();
        history.path("events").forEach(event -> users.add(event.path("metadata").path("user").asText()));
        assertThat(users).first().isEqualTo(TestTokens.STAFF_SUBJECT);
        assertThat(users).last().isEqualTo(subject);
    }

    private String token(String role, String subject) {
        return switch (role) {
            case "CUSTOMER" -> tokens.token(subject, List.of(Roles.CUSTOMER), own.customerId());
            case "CUSTOMER_NO_ID" -> tokens.token(subject, List.of(Roles.CUSTOMER), null);
            default -> tokens.token(subject, List.of(role), null);
        };
    }

    private HttpResponse<String> call(Endpoint endpoint, Party target, String token) throws IOException, InterruptedException {
        Party counterpart = target == own ? other : own;
        String path = fill(endpoint.path(), target, counterpart);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.body() == null) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(fill(endpoint.body(), target, counterpart)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String fill(String template, Party target, Party counterpart) {
        return template.replace("{customer}", target.customerId()).replace("{account}", target.accountId())
                .replace("{emptyAccount}", target.emptyAccountId()).replace("{counterpart}", counterpart.accountId())
                .replace("{transfer}", transferId).replace("{random}", UUID.randomUUID().toString());
    }

    private Party party(String name) throws Exception {
        String customerId = staff("POST", "/api/customers", "{\"name\":\"" + name + "\",\"email\":\"" + name.toLowerCase()
                + "-" + UUID.randomUUID() + "@example.org\"}", 201).path("customerId").asText();
        String account = "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}";
        String accountId = staff("POST", "/api/accounts", account, 201).path("accountId").asText();
        String emptyAccountId = staff("POST", "/api/accounts", account, 201).path("accountId").asText();
        staff("POST", "/api/accounts/" + accountId + "/deposits", "{\"amount\":\"100\",\"currency\":\"EUR\"}", 200);
        return new Party(customerId, accountId, emptyAccountId);
    }

    private JsonNode staff(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tokens.staff());
        request.header("Content-Type", "application/json").method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }

    private long fixtureEvents() {
        List<String> ids = List.of(own.customerId(), own.accountId(), own.emptyAccountId(), other.customerId(),
                other.accountId(), other.emptyAccountId(), transferId);
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?, ?, ?, ?, ?, ?)",
                Long.class, ids.toArray());
    }

    private long eventsCausedBy(String subject) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?""", Long.class, subject);
    }

    private URI uri(String path) {
        return URI.create(http.getRootUri() + path);
    }

    record Endpoint(String method, String path, String body) {
    }

    private static Map.Entry<String, Endpoint> endpoint(String name, String request, String body) {
        String[] methodAndPath = request.split(" ", 2);
        return Map.entry(name, new Endpoint(methodAndPath[0], methodAndPath[1], body));
    }
}
