package io.ledgerline.query.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.hostile.Endpoint;
import io.ledgerline.testsupport.hostile.HostileHttp.Answer;
import io.ledgerline.testsupport.hostile.HostileHttp;
import io.ledgerline.testsupport.security.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends malformed and hostile requests to every endpoint of the query API and checks that each is
 * answered with a 4xx problem+json with a code, never a 5xx, and that the read models, the search
 * indices, the parked events and the rebuilds are exactly as before. Search text that looks like
 * query syntax or SQL is valid text: it is searched for as words and never widens a result.
 */
class HostileRequestsIT extends QuerySideIT {

    private static final long TEN_MEGABYTES = 10L * 1024 * 1024;
    private static final List<String> HOSTILE_PATH_IDS = List.of(
            "%27%20OR%201=1%20--", "1%20OR%201=1", "*:*", "%7B%22query%22:%7B%22match_all%22:%7B%7D%7D%7D",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "%00", "abc%00def",
            "x".repeat(2000), "%E2%80%AEabc", "%F0%9F%92%B8", "%E2%80%8B", "%ED%A0%80", "%C0%AE%C0%AE", "%20", "a%0Ab");
    /** Valid search text that must be searched for as words, never read as query syntax. */
    private static final List<String> INJECTIONS = List.of("*:*", "*", "?", "{\"query\":{\"match_all\":{}}}",
            "' OR 1=1 --", "\" OR \"\"=\"", "<script>alert(1)</script>", "../../etc/passwd", "ownerName:*", "_id:*",
            "a* OR b*", "${jndi:ldap://x/a}", "\\", "/.*/");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HostileHttp hostile;
    CustomerId customerId;
    AccountId accountId;
    TransferId transferId;

    @Autowired
    TestTokens tokens;

    /**
     * The one place where the suite's raw requests get their credentials, a staff token; the
     * injected TestRestTemplate carries its own.
     */
    Optional<String> authorization() {
        return Optional.of("Bearer " + tokens.staff());
    }

    @BeforeEach
    void projectAnAccountWithATransfer() throws Exception {
        hostile = new HostileHttp(URI.create(http.getRootUri()), this::authorization, ApiContract.querySide());
        customerId = ledger.customer("Hostile Harriet", "harriet-" + UUID.randomUUID() + "@example.org");
        accountId = ledger.account(customerId, "EUR");
        AccountId other = ledger.account(customerId, "EUR");
        ledger.deposit(accountId, "50.00 EUR", "50.00 EUR", "salary");
        transferId = ledger.transfer(accountId, "40.00 EUR", other, "10.00 EUR", "10.00 EUR");
        eventually("/api/transfers/{id}", found -> "COMPLETED".equals(found.path("status").asText()), transferId);
        eventually("/api/search/accounts?q={q}", found -> found.path("total").asLong() == 2, customerId);
    }

    /** Every endpoint, with the queries that must be refused; ids in its path are attacked for all. */
    List<Endpoint> endpoints() {
        String paging = "page=-1|size=0|size=101|size=100000|page=100&size=100|page=abc|page=99999999999|size=1e400";
        List<String> hostileIds = List.of("%27%20OR%201=1%20--", "*:*", "%00", "x".repeat(101), "..%2F..", "%E2%80%AE1");
        return List.of(
                Endpoint.of("GET", "/api/accounts/{accountId}")
                        .hostileQuery("minVersion", "minVersion=-1", "minVersion=abc", "minVersion=1e400",
                                "minVersion=99999999999999999999", "minVersion=%00"),
                Endpoint.of("GET", "/api/accounts")
                        .hostileQuery("customerId", hostileIds.stream().map(id -> "customerId=" + id).toArray(String[]::new))
                        .hostileQuery("status", "status=DROP", "status=%00", "status=open%27--")
                        .hostileQuery("paging", paging.split("\\|")),
                Endpoint.of("GET", "/api/accounts/{accountId}/transactions")
                        .hostileQuery("time", "from=yesterday", "to=%00", "from=2026-13-01T00:00:00Z", "from=" + "9".repeat(5000))
                        .hostileQuery("paging", paging.split("\\|")),
                Endpoint.of("GET", "/api/accounts/{accountId}/events"),
                Endpoint.of("GET", "/api/transfers/{transferId}")
                        .hostileQuery("minVersion", "minVersion=-1", "minVersion=abc", "awaitOutcome=maybe"),
                Endpoint.of("GET", "/api/customers/{customerId}")
                        .hostileQuery("minVersion", "minVersion=-1", "minVersion=abc", "minVersion=1e400"),
                Endpoint.of("GET", "/api/search/accounts").query("q=harriet")
                        .hostileQuery("q", "", "q=", "q=%20", "q=" + "x".repeat(201), "q=" + "w%20".repeat(11) + "w",
                                "q=a-b-c-d-e-f-g-h-i-j-k", "q=%00", "q=a%0Ab", "q=%E2%80%AEabc", "q=%ED%A0%80")
                        .hostileQuery("size", "q=a&size=0", "q=a&size=101", "q=a&size=abc", "q=a&size=1e400"),
                Endpoint.of("GET", "/api/search/transactions")
                        .hostileQuery("q", "q=" + "x".repeat(201), "q=" + "w%20".repeat(11) + "w", "q=%00", "q=%E2%80%AE")
                        .hostileQuery("accountId", hostileIds.stream().map(id -> "accountId=" + id).toArray(String[]::new))
                        .hostileQuery("amounts", "minAmount=1e400", "maxAmount=abc", "minAmount=5&maxAmount=1",
                                "minAmount=" + "9".repeat(41), "minAmount=%00", "minAmount=NaN")
                        .hostileQuery("time", "from=yesterday", "to=%00", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                        .hostileQuery("paging", paging.split("\\|")),
                Endpoint.of("GET", "/api/audit/events")
                        .hostileQuery("user", "user=%00", "user=" + "x".repeat(256), "user=%E2%80%AEadmin")
                        .hostileQuery("correlationId", hostileIds.stream().map(id -> "correlationId=" + id).toArray(String[]::new))
                        .hostileQuery("type", "type=*:*", "type=%7B%22query%22:1%7D", "type=Money%20Deposited", "type=%00")
                        .hostileQuery("q", "q=" + "x".repeat(201), "q=" + "w%20".repeat(11) + "w", "q=%00")
                        .hostileQuery("time", "from=yesterday", "to=%00")
                        .hostileQuery("paging", paging.split("\\|")),
                Endpoint.of("GET", "/api/admin/projections"),
                Endpoint.of("GET", "/api/admin/parked-events")
                        .hostileQuery("status", "status=DROP", "status=%00", "status=parked")
                        .hostileQuery("limit", "limit=0", "limit=1001", "limit=abc", "limit=1e400")
                        .hostileQuery("projection", "projection=%00", "projection=" + "x".repeat(101), "projection=%E2%80%AE"),
                Endpoint.of("GET", "/api/admin/parked-events/{id}"),
                Endpoint.of("POST", "/api/admin/parked-events/{id}/retry"),
                // attacked by name only: a valid name would start a rebuild
                Endpoint.of("POST", "/api/admin/projections/{name}/rebuild"),
                Endpoint.of("GET", "/api/admin/rebuilds"),
                Endpoint.of("GET", "/api/admin/rebuilds/{id}"),
                Endpoint.of("POST", "/api/admin/rebuilds/{id}/cancel"),
                Endpoint.of("GET", "/api/admin/reconciliation"));
    }

    @Test
    void theSuiteCoversEveryEndpointOfTheApi() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern));
                }
            }
        }
        Set<String> covered = endpoints().stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).as("every endpoint the API serves has hostile cases here").containsAll(served);
        assertThat(served).as("every endpoint the suite attacks still exists").containsAll(covered);
    }

    @Test
    void hostileIdsInPathsNameNothing() {
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String variable : pathVariables(endpoint)) {
                for (String id : HOSTILE_PATH_IDS) {
                    attacks.add(new Attack(endpoint.method(), path(endpoint, Map.of(variable, id)), null));
                }
            }
        }
        for (String id : List.of("abc", "1e400", "99999999999999999999", "-1", "1.5")) {
            attacks.add(new Attack("GET", "/api/admin/parked-events/" + id, null));
            attacks.add(new Attack("POST", "/api/admin/parked-events/" + id + "/retry", null));
        }
        refuseAll(attacks);
    }

    @Test
    void hostileQueryParameters() {
        refuseAll(endpoints().stream().flatMap(endpoint -> endpoint.hostileQueries().values().stream().flatMap(List::stream)
                .map(query -> new Attack(endpoint.method(), path(endpoint, Map.of()) + (query.isEmpty() ? "" : "?" + query),
                        null))).toList());
    }

    @Test
    void tenMegabyteBodiesAreRefusedOnEveryEndpointWithoutBeingRead() {
        Snapshot before = stableSnapshot();
        SoftAssertions softly = new SoftAssertions();
        List<String> requests = new ArrayList<>();
        endpoints().forEach(endpoint -> requests.add(endpoint.method() + " " + path(endpoint, Map.of())));
        requests.addAll(List.of("GET /actuator/health", "GET /v3/api-docs", "POST /api/nowhere"));
        for (String request : requests) {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            for (Answer answer : List.of(hostile.sendDeclaring(method, path, TEN_MEGABYTES),
                    hostile.sendChunked(method, path, TEN_MEGABYTES))) {
                // authorization comes before the body: a path nobody may call is refused unread
                boolean nobodys = path.startsWith("/api/nowhere");
                softly.assertThat(answer.status()).as(request + " answered " + answer).isEqualTo(nobodys ? 403 : 413);
                softly.assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
                softly.assertThat(answer.body()).as(request)
                        .contains(nobodys ? "\"code\":\"FORBIDDEN\"" : "\"code\":\"PAYLOAD_TOO_LARGE\"");
            }
        }
        softly.assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void querySyntaxAndSqlInSearchTextAreSearchedForAsWordsAndNeverWidenTheResult() {
        long everything = body(http.getForEntity("/api/search/transactions", String.class)).path("total").asLong();
        long allEvents = body(http.getForEntity("/api/audit/events", String.class)).path("total").asLong();
        assertThat(everything).isPositive();
        SoftAssertions softly = new SoftAssertions();
        for (String text : INJECTIONS) {
            String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
            Answer accounts = hostile.send("GET", "/api/search/accounts?q=" + q, null, null);
            softly.assertThat(accounts.status()).as(text + " " + accounts).isEqualTo(200);
            softly.assertThat(body(accounts).path("total").asLong()).as(text).isZero();
            Answer transactions = hostile.send("GET", "/api/search/transactions?q=" + q, null, null);
            softly.assertThat(transactions.status()).as(text + " " + transactions).isEqualTo(200);
            softly.assertThat(body(transactions).path("total").asLong()).as(text).isLessThan(everything);
            Answer audit = hostile.send("GET", "/api/audit/events?q=" + q, null, null);
            softly.assertThat(audit.status()).as(text + " " + audit).isEqualTo(200);
            softly.assertThat(body(audit).path("total").asLong()).as(text).isLessThan(allEvents);
        }
        softly.assertAll();
    }

    @Test
    void namesWithEmojiAndQuerySyntaxAreProjectedAndFoundExactly() throws Exception {
        String name = "👩🏽‍💻 Zoë ' OR 1=1 -- *:* <b>";
        CustomerId customer = ledger.customer(name, "zoe-" + UUID.randomUUID() + "@exämple.org");
        AccountId account = ledger.account(customer, "EUR");

        JsonNode projected = eventually("/api/customers/{id}", found -> true, customer);
        assertThat(projected.path("name").asText()).isEqualTo(name);
        JsonNode found = eventually("/api/search/accounts?q={q}", hits -> hits.path("total").asLong() == 1, "👩🏽‍💻 Zoë");
        assertThat(found.path("hits").get(0).path("accountId").asText()).isEqualTo(account.value());
        assertThat(found.path("hits").get(0).path("ownerName").asText()).isEqualTo(name);
    }

    /** A request that must be refused: a 4xx problem+json with a code. */
    record Attack(String method, String path, String body) {
    }

    private void refuseAll(List<Attack> attacks) {
        assertThat(attacks).isNotEmpty();
        Snapshot before = stableSnapshot();
        SoftAssertions softly = new SoftAssertions();
        for (Attack attack : attacks) {
            Answer answer = hostile.send(attack.method(), attack.path(), null, attack.body());
            String as = attack.method() + " " + abbreviated(attack.path()) + " answered " + answer;
            softly.assertThat(answer.status()).as(as).isBetween(400, 499);
            softly.assertThat(answer.contentType()).as(as).startsWith("application/problem+json");
            softly.assertThat(body(answer).path("code").asText()).as(as).isNotBlank();
        }
        softly.assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        softly.assertAll();
    }

    /** What a request could change: the read models, the search indices, parked events and rebuilds. */
    record Snapshot(Map<String, Long> rows, Map<String, Long> documents) {
    }

    /** Waits until the projections are idle, so that a change seen later was made by a request. */
    private Snapshot stableSnapshot() {
        AtomicReference<Snapshot> previous = new AtomicReference<>();
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(this::snapshot, current -> current.equals(previous.getAndSet(current)));
    }

    private Snapshot snapshot() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : List.of("account_view", "customer_view", "transfer_view", "statement_line", "parked_event",
                "projection_rebuild")) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        rows.put("parked", jdbc.queryForObject("SELECT count(*) FROM parked_event WHERE status = 'PARKED'", Long.class));
        Map<String, Long> documents = new java.util.TreeMap<>();
        for (String alias : List.of("accounts", "customers", "transactions", "audit")) {
            try {
                documents.put(alias, elasticsearch.count(c -> c.index(alias)).count());
            } catch (Exception missing) {
                documents.put(alias, -1L);
            }
        }
        return new Snapshot(rows, documents);
    }

    private JsonNode body(Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (Exception notJson) {
            return json.createObjectNode();
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }

    private static List<String> pathVariables(Endpoint endpoint) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(endpoint.template());
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The endpoint's path with valid ids, except those given; names and ids that would act are never valid here. */
    private String path(Endpoint endpoint, Map<String, String> replaced) {
        Map<String, String> valid = Map.of("customerId", customerId.value(), "accountId", accountId.value(),
                "transferId", transferId.value(), "id", endpoint.template().contains("rebuilds") ? UUID.randomUUID().toString()
                        : "999999999", "name", "no-such-projection");
        String path = endpoint.template();
        for (String variable : pathVariables(endpoint)) {
            path = path.replace("{" + variable + "}", replaced.getOrDefault(variable, valid.get(variable)));
        }
        return path;
    }
}
