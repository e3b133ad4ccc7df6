package io.ledgerline.command.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.hostile.Endpoint;
import io.ledgerline.testsupport.hostile.HostileHttp.Answer;
import io.ledgerline.testsupport.hostile.HostileHttp;
import io.ledgerline.testsupport.security.TestTokens;
import io.ledgerline.events.PersonalData;
import io.ledgerline.localstack.junit.RealInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends malformed and hostile requests to every endpoint of the command API and checks that each
 * is answered with a 4xx problem+json with a code, never a 5xx, and that the event store, the
 * registries and the idempotency keys are exactly as before. Where a value only looks hostile but
 * is valid (an emoji in a name, SQL in a description), it must be accepted and come back exactly.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledgerline.links.query-base-url=http://query.example:8082",
        // hundreds of requests from one address within seconds; RateLimitIT covers the limit itself
        "ledgerline.rate-limit.requests-per-second=1000000", "ledgerline.rate-limit.burst=1000000"})
class HostileRequestsIT {

    private static final long TEN_MEGABYTES = 10L * 1024 * 1024;
    private static final String HOSTILE = "\"__HOSTILE__\"";

    /** Path segments as sent, unencoded or encoded: none of them names anything. */
    private static final List<String> HOSTILE_PATH_IDS = List.of(
            "%27%20OR%201=1%20--", "1%20OR%201=1", "*:*", "%7B%22query%22:%7B%22match_all%22:%7B%7D%7D%7D",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "%00", "abc%00def",
            "x".repeat(2000), "%E2%80%AEabc", "%F0%9F%92%B8", "%E2%80%8B", "%ED%A0%80", "%C0%AE%C0%AE", "%20", "a%0Ab");
    /** Raw JSON literals that are not plain text in any field. */
    private static final List<String> NOT_PLAIN_TEXT = List.of(
            "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"\\ud83d\"", "\"evil\\u202egnp.exe\"", "\"\\u2066x\\u2069\"",
            "\"line\\nbreak\"", "\"\\u0085\"", "\"\\uffff\"", "\"broken\\ufffd\"");
    private static final List<String> WRONG_TYPES_FOR_TEXT = List.of("{}", "[]", "[\"a\"]", "{\"$gt\":\"\"}");
    private static final List<String> HOSTILE_IDS_IN_BODY = List.of(
            "\"' OR 1=1 --\"", "\"*:*\"", "\"{\\\"query\\\":{\\\"match_all\\\":{}}}\"", "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"" + "x".repeat(101) + "\"", "\"\"", "\" \"",
            "\"\\u202eabc\"", "\"\uD83D\uDCB8\"", "{}", "[]", "true");
    private static final List<String> MALFORMED_AMOUNTS = List.of(
            "1e400", "-1e400", "1e-400", "\"1e400\"", "1" + "0".repeat(39), "\"" + "9".repeat(40) + "\"",
            "0.00000000000000000000000000000000000001", "true", "\"ten\"", "[]", "{}", "\"12,50\"", "\"NaN\"", "\"Infinity\"");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HostileHttp hostile;
    // made once for the class: its transfer's saga must be done before any snapshot is taken
    static String customerId;
    static String accountId;
    static String otherAccountId;
    static String transferId;

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
    void openAccountsAndCompleteATransfer() throws Exception {
        hostile = new HostileHttp(URI.create(http.getRootUri()), this::authorization, ApiContract.commandSide());
        if (transferId != null) {
            return;
        }
        customerId = created("/api/customers", "{\"name\":\"Ada\",\"email\":\"ada-" + UUID.randomUUID() + "@example.org\"}",
                "customerId");
        accountId = created("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", "accountId");
        otherAccountId = created("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", "accountId");
        assertThat(post("/api/accounts/" + accountId + "/deposits", "{\"amount\":\"100.00\",\"currency\":\"EUR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        transferId = "hostile-" + UUID.randomUUID();
        assertThat(post("/api/transfers", "{\"transferId\":\"" + transferId + "\",\"fromAccountId\":\"" + accountId
                + "\",\"toAccountId\":\"" + otherAccountId + "\",\"amount\":\"1.00\",\"currency\":\"EUR\"}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        // the saga must be done: its events would otherwise count as changes made by a refused request
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%TransferCompleted'
                """, Long.class, transferId) == 1);
    }

    /** Every endpoint, with a valid request and which of its parts are text, ids and amounts. */
    List<Endpoint> endpoints() {
        String customer = "{\"name\":\"Ada King\",\"email\":\"ada.king-" + UUID.randomUUID() + "@example.org\"}";
        String deposit = "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"rent\",\"reference\":\"INV-1\"}";
        String events = "page=-1|size=0|size=100000|page=99999999999|size=abc|page=1e400|page=%00|size=%27%20OR%201=1";
        String state = "|asOf=yesterday|asOf=%00|asOf=%27%20OR%201=1%20--|version=-1|version=1e400|version=abc"
                + "|asOf=2026-01-01T00:00:00Z&version=0|version=99999999999999999999|asOf=" + "9".repeat(5000);
        return List.of(
                Endpoint.of("POST", "/api/customers").body(customer).texts("name").emails("email").runsCommand(false),
                Endpoint.of("PUT", "/api/customers/{customerId}").body(customer).texts("name").emails("email").runsCommand(true),
                Endpoint.of("POST", "/api/customers/{customerId}/erasure").runsCommand(true),
                Endpoint.of("POST", "/api/accounts").body("{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\","
                        + "\"overdraftLimit\":\"10.00\"}").ids("customerId").limits("overdraftLimit").runsCommand(false),
                Endpoint.of("POST", "/api/accounts/{accountId}/deposits").body(deposit).texts("description", "reference")
                        .amounts("amount").runsCommand(true),
                Endpoint.of("POST", "/api/accounts/{accountId}/withdrawals")
                        .body("{\"amount\":\"1.00\",\"currency\":\"EUR\",\"description\":\"cash\"}").texts("description")
                        .amounts("amount").runsCommand(true),
                Endpoint.of("POST", "/api/accounts/{accountId}/freeze").runsCommand(true),
                Endpoint.of("POST", "/api/accounts/{accountId}/unfreeze").runsCommand(true),
                Endpoint.of("POST", "/api/accounts/{accountId}/close").runsCommand(true),
                Endpoint.of("PUT", "/api/accounts/{accountId}/overdraft-limit").body("{\"limit\":\"10.00\"}").limits("limit")
                        .runsCommand(true),
                Endpoint.of("POST", "/api/transfers").body("{\"transferId\":\"t-" + UUID.randomUUID() + "\",\"fromAccountId\":\""
                        + accountId + "\",\"toAccountId\":\"" + otherAccountId + "\",\"amount\":\"1.00\",\"currency\":\"EUR\","
                        + "\"description\":\"gift\",\"reference\":\"INV-1\"}").ids("transferId", "fromAccountId", "toAccountId")
                        .texts("description", "reference")
                        .amounts("amount").runsCommand(false),
                Endpoint.of("GET", "/api/audit/accounts/{accountId}/events").hostileQuery("paging", events.split("\\|")),
                Endpoint.of("GET", "/api/audit/accounts/{accountId}/state").query("version=0")
                        .hostileQuery("point", state.split("\\|")),
                Endpoint.of("GET", "/api/audit/customers/{customerId}/events").hostileQuery("paging", events.split("\\|")),
                Endpoint.of("GET", "/api/audit/customers/{customerId}/state").query("version=0")
                        .hostileQuery("point", state.split("\\|")),
                Endpoint.of("GET", "/api/audit/transfers/{transferId}/events").hostileQuery("paging", events.split("\\|")),
                Endpoint.of("GET", "/api/audit/transfers/{transferId}/state").query("version=0")
                        .hostileQuery("point", state.split("\\|")),
                // only hostile positions: a valid one would start a republication
                Endpoint.of("POST", "/api/admin/republish").query("fromPosition=-1")
                        .hostileQuery("fromPosition", "fromPosition=-1", "fromPosition=abc", "fromPosition=1e400",
                                "fromPosition=99999999999999999999", "fromPosition=%00", "fromPosition=%27%20OR%201=1"),
                Endpoint.of("GET", "/api/admin/republish/{republishId}"),
                // a reversed or too large range is a 422 of its own, proven in LedgerVerificationIT
                Endpoint.of("POST", "/api/admin/ledger-verifications").query("fromGlobalIndex=0&toGlobalIndex=10")
                        .hostileQuery("range", "fromGlobalIndex=-1", "toGlobalIndex=abc", "fromGlobalIndex=1e400",
                                "toGlobalIndex=99999999999999999999", "fromGlobalIndex=%00", "toGlobalIndex=%27%20OR%201=1"),
                Endpoint.of("GET", "/api/admin/ledger-verifications/{verificationId}"),
                Endpoint.of("GET", "/api/admin/ledger-verifications").hostileQuery("paging", events.split("\\|")),
                Endpoint.of("GET", "/api/audit/checkpoints").hostileQuery("paging", events.split("\\|")),
                // the development token issuer exists only in the local profile
                Endpoint.of("POST", "/api/dev/tokens").body("{\"subject\":\"hostile\",\"roles\":[\"TELLER\"]}")
                        .texts("subject").onlyInSomeConfigurations());
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
        Set<String> required = endpoints().stream().filter(endpoint -> !endpoint.optional()).map(Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).as("every endpoint the API serves has hostile cases here").containsAll(served);
        assertThat(served).as("every endpoint the suite attacks still exists").containsAll(required);
    }

    @Nested
    class Refusals {

        @Test
        void hostileIdsInPathsNameNothing() {
            refuseAll(endpoints().stream().filter(endpoint -> endpoint.template().contains("{"))
                    .flatMap(endpoint -> pathVariables(endpoint).stream().flatMap(variable -> HOSTILE_PATH_IDS.stream()
                            .map(id -> new Attack(endpoint.method(), path(endpoint, Map.of(variable, id))
                                    + query(endpoint), endpoint.validBody(), "application/json", Set.of(400, 404)))))
                    .toList());
        }

        @Test
        void brokenJsonAndBodiesOfTheWrongShape() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : withBody()) {
                String valid = endpoint.validBody();
                for (String broken : List.of("{", "{\"", "nul", valid.substring(0, valid.length() / 2), valid + "}",
                        valid + " {}", "[]", "\"text\"", "42", "null", "", " ", "\uFEFF", "{\"a\":1,}", "{'a':1}",
                        "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
                    attacks.add(attack(endpoint, broken, Set.of(400)));
                }
                attacks.add(attack(endpoint, valid.replaceFirst("\\{", "{\"unknown\":1,"), Set.of(400)));
            }
            refuseAll(attacks);
        }

        @Test
        void invalidUtf8() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : withBody()) {
                for (String field : textLike(endpoint)) {
                    String body = replace(endpoint.validBody(), field, HOSTILE);
                    byte[] prefix = body.substring(0, body.indexOf(HOSTILE) + 1).getBytes(StandardCharsets.UTF_8);
                    byte[] suffix = body.substring(body.indexOf(HOSTILE) + HOSTILE.length() - 1).getBytes(StandardCharsets.UTF_8);
                    for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                            new byte[] {(byte) 0xC0, (byte) 0xAE}, new byte[] {(byte) 0xFF})) {
                        byte[] all = new byte[prefix.length + bad.length + suffix.length];
                        System.arraycopy(prefix, 0, all, 0, prefix.length);
                        System.arraycopy(bad, 0, all, prefix.length, bad.length);
                        System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
                        attacks.add(new Attack(endpoint.method(), path(endpoint, Map.of()) + query(endpoint), all,
                                "application/json", Set.of(400), Map.of()));
                    }
                }
            }
            refuseAll(attacks);
        }

        @Test
        void textThatIsNotPlainWrongTypesAndOverLongStrings() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : withBody()) {
                for (String field : textLike(endpoint)) {
                    for (String value : NOT_PLAIN_TEXT) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(400)));
                    }
                    for (String value : WRONG_TYPES_FOR_TEXT) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(400)));
                    }
                    for (int length : List.of(1_001, 5_000, 60_000)) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, "\"" + "x".repeat(length) + "\""),
                                Set.of(400)));
                    }
                    attacks.add(attack(endpoint, replace(endpoint.validBody(), field,
                            "\"" + "\uD83D\uDCB8".repeat(900) + "\""), Set.of(400, 422)));
                }
                for (String field : endpoint.emails()) {
                    for (String value : List.of("\"ada\\u200b@example.org\"", "\"\\ufeffada@example.org\"",
                            "\"ada\\u00ad@example.org\"", "\"' OR 1=1 --\"", "\"<script>@x\"", "\"a@b\"")) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(400, 422)));
                    }
                }
            }
            refuseAll(attacks);
        }

        @Test
        void idsInBodiesHaveTheFormOfIds() {
            refuseAll(withBody().stream().flatMap(endpoint -> endpoint.ids().stream().flatMap(field -> HOSTILE_IDS_IN_BODY
                    .stream().map(value -> attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(400)))))
                    .toList());
        }

        @Test
        void hugeZeroNegativeAndOverPreciseAmounts() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : withBody()) {
                for (String field : endpoint.amounts()) {
                    MALFORMED_AMOUNTS.forEach(value -> attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value),
                            Set.of(400))));
                    for (String value : List.of("0", "\"0.00\"", "-1", "\"-0.01\"", "\"0.001\"", "\"1.005\"", "-1e2")) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(422))
                                .withCode("INVALID_AMOUNT"));
                    }
                    attacks.add(attack(endpoint, replace(endpoint.validBody(), field, "null"), Set.of(400)));
                }
                for (String field : endpoint.limits()) {
                    MALFORMED_AMOUNTS.forEach(value -> attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value),
                            Set.of(400))));
                    for (String value : List.of("-1", "\"-0.01\"", "\"0.001\"")) {
                        attacks.add(attack(endpoint, replace(endpoint.validBody(), field, value), Set.of(422))
                                .withCode("INVALID_OVERDRAFT_LIMIT"));
                    }
                }
            }
            refuseAll(attacks);
        }

        @Test
        void wrongContentTypes() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : withBody()) {
                for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "application/json-patch+json")) {
                    attacks.add(new Attack(endpoint.method(), path(endpoint, Map.of()) + query(endpoint),
                            endpoint.validBody(), type, Set.of(415)).withCode("UNSUPPORTED_MEDIA_TYPE"));
                }
                attacks.add(new Attack(endpoint.method(), path(endpoint, Map.of()) + query(endpoint),
                        endpoint.validBody(), null, Set.of(415)).withCode("UNSUPPORTED_MEDIA_TYPE"));
            }
            refuseAll(attacks);
        }

        @Test
        void hostileQueryParameters() {
            refuseAll(endpoints().stream().flatMap(endpoint -> endpoint.hostileQueries().values().stream()
                    .flatMap(List::stream).map(query -> new Attack(endpoint.method(), path(endpoint, Map.of()) + "?" + query,
                            endpoint.validBody(), "application/json", Set.of(400, 404))))
                    .toList());
        }

        @Test
        void hostileIdempotencyKeysAndIfMatchHeaders() {
            List<Attack> attacks = new ArrayList<>();
            for (Endpoint endpoint : endpoints().stream().filter(Endpoint::command).toList()) {
                for (String key : List.of("k".repeat(256), "has space", "' OR 1=1 --", "")) {
                    attacks.add(attack(endpoint, endpoint.validBody(), Set.of(400)).withHeader("Idempotency-Key", key)
                            .withCode("INVALID_IDEMPOTENCY_KEY"));
                }
                if (endpoint.ifMatch()) {
                    for (String version : List.of("\"abc\"", "1e400", "\"99999999999999999999\"", "\"-1\"", "' OR 1=1 --")) {
                        attacks.add(attack(endpoint, endpoint.validBody(), Set.of(400)).withHeader("If-Match", version)
                                .withCode("INVALID_REQUEST"));
                    }
                }
            }
            refuseAll(attacks);
        }

        @Test
        void tenMegabyteBodiesAreRefusedOnEveryEndpointWithoutBeingRead() {
            SoftAssertions softly = new SoftAssertions();
            List<String> paths = new ArrayList<>();
            endpoints().forEach(endpoint -> paths.add(endpoint.method() + " " + path(endpoint, Map.of()) + query(endpoint)));
            paths.addAll(List.of("GET /actuator/health", "GET /v3/api-docs", "POST /api/nowhere"));
            for (String request : paths) {
                String method = request.substring(0, request.indexOf(' '));
                String path = request.substring(request.indexOf(' ') + 1);
                Snapshot before = snapshot();
                for (Answer answer : List.of(hostile.sendDeclaring(method, path, TEN_MEGABYTES),
                        hostile.sendChunked(method, path, TEN_MEGABYTES))) {
                    // authorization comes before the body: a path nobody may call is refused unread
                    boolean nobodys = path.startsWith("/api/nowhere");
                    softly.assertThat(answer.status()).as(request + " answered " + answer).isEqualTo(nobodys ? 403 : 413);
                    softly.assertThat(answer.contentType()).as(request).startsWith("application/problem+json");
                    softly.assertThat(answer.body()).as(request)
                            .contains(nobodys ? "\"code\":\"FORBIDDEN\"" : "\"code\":\"PAYLOAD_TOO_LARGE\"");
                }
                softly.assertThat(snapshot()).as(request + " changed nothing").isEqualTo(before);
            }
            softly.assertAll();
        }
    }

    @Nested
    class ValidValuesThatLookHostile {

        @Test
        void namesInAnyScriptWithEmojiAndQuerySyntaxAreAcceptedAndComeBackExactly() throws Exception {
            for (String name : List.of("👩🏽‍💻 Ada Lovelace", "' OR 1=1 --", "Robert'); DROP TABLE customer_registry;--",
                    "*:*", "{\"query\":{\"match_all\":{}}}", "<script>alert(1)</script>", "../../etc/passwd", "محمد بن موسى",
                    "Ada\u200BLovelace", "Zoë Ñúñez 李小龍", "𝔄𝔡𝔞", "%00", "\\u0000")) {
                ObjectNode body = json.createObjectNode().put("name", name)
                        .put("email", "o'brien+" + UUID.randomUUID() + "@exämple.org");
                ResponseEntity<String> response = post("/api/customers", json.writeValueAsString(body));

                assertThat(response.getStatusCode()).as(name + ": " + response.getBody()).isEqualTo(HttpStatus.CREATED);
                String id = json.readTree(response.getBody()).path("customerId").asText();
                // the store holds personal data only sealed; the audit API opens it again
                assertThat(storedPayload(id).path("name").asText()).as("stored").startsWith(PersonalData.SEALED_PREFIX).doesNotContain(name);
                assertThat(storedPayload(id).path("email").asText()).startsWith(PersonalData.SEALED_PREFIX);
                JsonNode state = json.readTree(http.getForEntity("/api/audit/customers/{id}/state?version=0", String.class, id)
                        .getBody());
                assertThat(state.path("name").asText()).as("read back").isEqualTo(name);
                assertThat(state.path("email").asText()).as("email read back").isEqualTo(body.path("email").asText());
            }
        }

        @Test
        void descriptionsAndReferencesMayHoldAnyPlainText() throws Exception {
            for (String text : List.of("' OR 1=1 --", "*:*", "<img src=x onerror=alert(1)>", "💸 rent", "${jndi:ldap://x/a}")) {
                ObjectNode body = json.createObjectNode().put("amount", "1.00").put("currency", "EUR")
                        .put("description", text).put("reference", text.length() > 35 ? text.substring(0, 35) : text);
                ResponseEntity<String> response = post("/api/accounts/" + accountId + "/deposits", json.writeValueAsString(body));

                assertThat(response.getStatusCode()).as(text + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
                // stored only sealed; the audit API opens it again
                assertThat(storedPayload(accountId).path("description").asText()).startsWith(PersonalData.SEALED_PREFIX);
                JsonNode audited = lastAuditedPayload(accountId);
                assertThat(audited.path("description").asText()).isEqualTo(text);
                assertThat(audited.path("reference").asText()).isEqualTo(body.path("reference").asText());
            }
        }
    }

    /** A request that must be refused: a 4xx of the expected statuses, problem+json with a code, nothing changed. */
    record Attack(String method, String path, byte[] body, String contentType, Set<Integer> statuses,
                  Map<String, String> headers, String code) {

        Attack(String method, String path, String body, String contentType, Set<Integer> statuses) {
            this(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, statuses,
                    Map.of(), null);
        }

        Attack(String method, String path, byte[] body, String contentType, Set<Integer> statuses, Map<String, String> headers) {
            this(method, path, body, contentType, statuses, headers, null);
        }

        Attack withCode(String expected) {
            return new Attack(method, path, body, contentType, statuses, headers, expected);
        }

        Attack withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Attack(method, path, body, contentType, statuses, Map.copyOf(more), code);
        }

        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviated(path) + " " + headers.keySet() + " " + contentType + " " + abbreviated(shown);
        }

        private static String abbreviated(String text) {
            return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
        }
    }

    private void refuseAll(List<Attack> attacks) {
        assertThat(attacks).as("attacks").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Attack attack : attacks) {
            Snapshot before = snapshot();
            Answer answer = hostile.send(attack.method(), attack.path(), attack.contentType(), attack.body(), attack.headers());
            String as = attack.describe() + " answered " + answer;
            softly.assertThat(answer.status()).as(as).isBetween(400, 499);
            softly.assertThat(answer.status()).as(as).isIn(attack.statuses());
            softly.assertThat(answer.contentType()).as(as).startsWith("application/problem+json");
            String code = code(answer);
            softly.assertThat(code).as(as).isNotBlank();
            if (attack.code() != null) {
                softly.assertThat(code).as(as).isEqualTo(attack.code());
            }
            softly.assertThat(snapshot()).as(as + " changed nothing").isEqualTo(before);
        }
        softly.assertAll();
    }

    private String code(Answer answer) {
        try {
            return json.readTree(answer.body()).path("code").asText();
        } catch (Exception notJson) {
            return "";
        }
    }

    /** What a request could change: the event store, the registries and the idempotency keys. */
    record Snapshot(long events, long lastGlobalIndex, long customers, long accounts, long keys) {
    }

    private Snapshot snapshot() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM domain_event_entry), (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),
                       (SELECT count(*) FROM customer_registry), (SELECT count(*) FROM account_registry),
                       (SELECT count(*) FROM idempotency_key)
                """, (rs, row) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    private List<Endpoint> withBody() {
        return endpoints().stream().filter(endpoint -> endpoint.validBody() != null && !endpoint.optional()).toList();
    }

    private static List<String> textLike(Endpoint endpoint) {
        List<String> fields = new ArrayList<>(endpoint.texts());
        fields.addAll(endpoint.emails());
        return fields;
    }

    private Attack attack(Endpoint endpoint, String body, Set<Integer> statuses) {
        return new Attack(endpoint.method(), path(endpoint, Map.of()) + query(endpoint), body, "application/json", statuses);
    }

    /** The valid body with one field's value replaced by a raw JSON literal. */
    private String replace(String validBody, String field, String rawJson) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(validBody);
            body.put(field, "__HOSTILE__");
            return json.writeValueAsString(body).replace(HOSTILE, rawJson);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> pathVariables(Endpoint endpoint) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(endpoint.template());
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The endpoint's path with valid ids, except those given. */
    private String path(Endpoint endpoint, Map<String, String> replaced) {
        Map<String, String> valid = Map.of("customerId", customerId, "accountId", accountId, "transferId", transferId,
                "republishId", UUID.randomUUID().toString(), "verificationId", UUID.randomUUID().toString());
        String path = endpoint.template();
        for (String variable : pathVariables(endpoint)) {
            path = path.replace("{" + variable + "}", replaced.getOrDefault(variable, valid.get(variable)));
        }
        return path;
    }

    private static String query(Endpoint endpoint) {
        return endpoint.validQuery().isEmpty() ? "" : "?" + endpoint.validQuery();
    }

    private JsonNode lastAuditedPayload(String accountId) throws Exception {
        String events = "/api/audit/accounts/{id}/events?size=1&page={page}";
        long total = json.readTree(http.getForEntity(events, String.class, accountId, 0).getBody()).path("totalEvents")
                .asLong();
        return json.readTree(http.getForEntity(events, String.class, accountId, total - 1).getBody())
                .path("events").get(0).path("payload");
    }

    private JsonNode storedPayload(String aggregateId) throws Exception {
        byte[] payload = jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1
                """, byte[].class, aggregateId);
        return json.readTree(payload);
    }

    private String created(String path, String body, String field) throws Exception {
        ResponseEntity<String> response = post(path, body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path(field).asText();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
