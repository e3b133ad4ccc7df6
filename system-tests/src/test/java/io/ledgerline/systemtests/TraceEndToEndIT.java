package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.localstack.LocalStackOptions;
import io.ledgerline.localstack.launch.DevTokens;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transfer is one trace: the services run as ./run-local runs them, behind the gateway and with a Zipkin server,
 * and the trace the client started with its {@code traceparent} header is read back through Zipkin's HTTP API with
 * the spans of every hop: the gateway's handling of the request, the command side's, the commands, the saga, the
 * publication to Kafka and each read model's handling of the records. One system serves the whole class: it also
 * serves GraphQL through the gateway, over HTTP and over the gateway's WebSocket relay, since a system start costs
 * minutes of CI and this one already has the gateway in front of both sides.
 */
class TraceEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static LocalSystem system;
    private static URI gateway;
    private static String token;

    @BeforeAll
    static void startTheSystemWithZipkin() {
        Path checkout = Path.of(System.getProperty("user.dir")).getParent();
        LocalSystemOptions options = LocalSystemOptions.forProject(checkout)
                .withJars(jar("ledgerline.command-side.jar", LocalSystemOptions.COMMAND_SIDE_JAR),
                        jar("ledgerline.query-side.jar", LocalSystemOptions.QUERY_SIDE_JAR))
                .withStack(LocalStackOptions.defaults().withZipkin())
                .withGateway(0);
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        gateway = system.startGateway();
        token = DevTokens.request(gateway, "tracing", List.of("TELLER", "ADMIN"), null);
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    private static Path jar(String property, String defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir")).getParent().resolve(defaultInCheckout);
    }

    @Test
    void aTransferIsOneTraceThroughTheCommandSideTheSagaKafkaAndEveryReadModel() throws Exception {
        String customerId = registerCustomer();
        String from = openAccount(customerId);
        String to = openAccount(customerId);
        HttpResponse<String> deposited = post("/api/accounts/" + from + "/deposits",
                "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"description\":\"salary\"}", null);
        assertThat(deposited.statusCode()).as(deposited.body()).isEqualTo(200);
        // a client following the receiving account's live updates: the update the transfer causes is in its trace.
        // The stream starts with the account's state, once the query side has it
        URI receiving = gateway.resolve("/api/accounts/" + to);
        await("the receiving account on the query side").atMost(EVENTUALLY).until(() -> HTTP.send(HttpRequest.newBuilder(receiving)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        LiveUpdates live = LiveUpdates.follow(gateway.resolve("/api/accounts/" + to + "/events"), token);

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String clientSpanId = HexFormat.of().formatHex(randomBytes(8));
        String traceparent = "00-" + traceId + "-" + clientSpanId + "-01";
        HttpResponse<String> accepted = post("/api/transfers", "{\"fromAccountId\":\"" + from + "\",\"toAccountId\":\""
                + to + "\",\"amount\":\"30.00\",\"currency\":\"EUR\",\"description\":\"rent\"}", traceparent);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        URI trace = URI.create(system.stack().zipkinUri() + "/api/v2/trace/" + traceId);
        List<String> expected = List.of(
                "ledgerline-command-side: http post /api/transfers",
                "ledgerline-command-side: command requesttransfercommand",
                "ledgerline-command-side: command debitaccountfortransfercommand",
                "ledgerline-command-side: command creditaccountfortransfercommand",
                "ledgerline-command-side: command completetransfercommand",
                "ledgerline-command-side: publish ledger.events",
                "ledgerline-query-side: ledgerline-query-sql transferrequested",
                "ledgerline-query-side: ledgerline-query-sql transfercompleted",
                "ledgerline-query-side: ledgerline-query-search-accounts accountdebitedfortransfer",
                "ledgerline-query-side: ledgerline-query-search-transactions accountcreditedfortransfer",
                "ledgerline-query-side: ledgerline-query-search-audit transfercompleted",
                "ledgerline-query-side: ledgerline-query-sql sql commit",
                "ledgerline-query-side: ledgerline-query-search-accounts elasticsearch bulk",
                "ledgerline-query-side: ledgerline-query-search-transactions elasticsearch bulk",
                "ledgerline-query-side: ledgerline-query-search-audit elasticsearch bulk",
                "ledgerline-query-side: live update account");
        Set<String> spans = await("the transfer's trace " + traceId + " in Zipkin").atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> spansOf(trace), found -> found.containsAll(expected)
                        && found.stream().anyMatch(span -> span.startsWith("ledgerline-gateway: ")));
        live.close();
        JsonNode traced = JSON.readTree(HTTP.send(HttpRequest.newBuilder(trace).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(parentsOf(traced, "ledgerline-query-sql sql commit")).as("the SQL commit's spans are children of record spans")
                .allSatisfy(parent -> assertThat(parent).startsWith("ledgerline-query-sql "));
        assertThat(parentsOf(traced, "ledgerline-query-search-audit elasticsearch bulk")).as("the bulk write's spans too")
                .allSatisfy(parent -> assertThat(parent).startsWith("ledgerline-query-search-audit "));
        assertThat(parentsOf(traced, "live update account")).as("the live update's span is a child of the SQL record span")
                .allSatisfy(parent -> assertThat(parent).startsWith("ledgerline-query-sql "));
        JsonNode commandSideRequest = span(traced, "ledgerline-command-side", "http post /api/transfers");
        JsonNode gatewayRequest = parentOf(traced, commandSideRequest);
        assertThat(service(gatewayRequest)).as("the service whose span the command side's request span is a child of")
                .isEqualTo("ledgerline-gateway");
        assertThat(gatewayRequest.path("kind").asText()).as("the gateway's span of the client's request").isEqualTo("SERVER");
        assertThat(gatewayRequest.path("parentId").asText()).as("the gateway's span is the trace's first: its parent is the "
                + "client's span, which only the client knows").isEqualTo(clientSpanId);
        assertThat(spans).as("the saga's handling of the transfer's events").contains(
                "ledgerline-command-side: transfersagaprocessor transferrequested",
                "ledgerline-command-side: transfersagaprocessor accountdebitedfortransfer");

        JsonNode listed = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(system.stack().zipkinUri()
                + "/api/v2/traces?serviceName=ledgerline-query-side&limit=1000")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(listed.findValuesAsText("traceId")).as("the query side's spans are listed under the same trace")
                .contains(traceId);
    }

    @Test
    void aRefusalNamesTheTraceOfTheRequestSoThatTheUserCanQuoteIt() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        HttpResponse<String> refused = post("/api/accounts", "{\"customerId\":\"" + UUID.randomUUID()
                + "\",\"currency\":\"EUR\"}", traceparent);

        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).path("traceId").asText()).isEqualTo(traceId);
    }

    @Test
    void aGraphQlQueryThroughTheGatewayAnswersTheCustomerTheirAccountsAndStatementsAsRestDoes() throws Exception {
        String customerId = registerCustomer();
        String first = openAccount(customerId);
        String second = openAccount(customerId);
        deposit(first, "100.00", "salary");
        deposit(first, "25.50", "refund");
        deposit(second, "40.00", "gift");
        await("the customer and both statements on the query side").atMost(EVENTUALLY).until(() ->
                !restGet("/api/customers/" + customerId).path("version").isMissingNode()
                        && restItems("/api/accounts/" + first + "/transactions").size() == 2
                        && restItems("/api/accounts/" + second + "/transactions").size() == 1);

        JsonNode answer = graphQl("""
                query($id: ID!) { customer(id: $id) { id name email status version
                  accounts(first: 10) { edges { node { id customerId currency balance availableBalance overdraftLimit status
                    version statement(first: 10) { edges { node { sequence type amount currency balanceAfter description
                      eventId } } } } } } } }""", Map.of("id", customerId));

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        JsonNode customer = answer.path("data").path("customer");
        JsonNode restCustomer = restGet("/api/customers/" + customerId);
        assertThat(customer.path("id").asText()).isEqualTo(customerId);
        assertThat(fields(customer, "name", "email", "status", "version"))
                .isEqualTo(fields(restCustomer, "name", "email", "status", "version"));
        Map<String, JsonNode> graphQlAccounts = new HashMap<>();
        customer.path("accounts").path("edges").forEach(edge -> graphQlAccounts.put(edge.path("node").path("id").asText(),
                edge.path("node")));
        List<JsonNode> restAccounts = restItems("/api/accounts?customerId=" + customerId);
        assertThat(graphQlAccounts.keySet()).as("the customer's accounts").containsExactlyInAnyOrder(first, second);
        assertThat(restAccounts).hasSize(2);
        for (JsonNode restAccount : restAccounts) {
            String accountId = restAccount.path("accountId").asText();
            JsonNode account = graphQlAccounts.get(accountId);
            assertThat(fields(account, ACCOUNT_FIELDS)).as("account " + accountId).isEqualTo(fields(restAccount, ACCOUNT_FIELDS));
            List<JsonNode> lines = new ArrayList<>();
            account.path("statement").path("edges").forEach(edge -> lines.add(fields(edge.path("node"), LINE_FIELDS)));
            List<JsonNode> restLines = restItems("/api/accounts/" + accountId + "/transactions").stream()
                    .map(line -> fields(line, LINE_FIELDS)).toList();
            assertThat(lines).as("the statement of " + accountId).isEqualTo(restLines);
        }
        assertThat(graphQlAccounts.get(first).path("balance").asText()).isEqualTo("125.50");
    }

    @Test
    void anAccountUpdatedSubscriptionThroughTheGatewaySeesTheAccountNowAndAgainAfterADeposit() throws Exception {
        String accountId = openAccount(registerCustomer());
        long opened = deposit(accountId, "10.00", "first");
        await("the account on the query side").atMost(EVENTUALLY)
                .until(() -> restGet("/api/accounts/" + accountId).path("version").asLong() >= opened);

        try (GraphQlSocket socket = GraphQlSocket.open(HTTP, webSocketOf(gateway.resolve("/graphql")))) {
            assertThat(socket.subprotocol()).isEqualTo(GraphQlSocket.SUBPROTOCOL);
            // the form under headers, which the gateway took only since it takes every form the query side takes
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"Authorization\":\"Bearer " + token + "\"}}}");
            await("connection_ack, or the socket's close").atMost(EVENTUALLY)
                    .until(() -> !socket.received("connection_ack").isEmpty() || socket.closedWith().isDone());
            assertThat(socket.closedWith()).as("the socket, acknowledged: " + socket.received()).isNotDone();
            socket.send(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                    "query", "subscription($id: ID!) { accountUpdated(accountId: $id) { id balance version } }",
                    "variables", Map.of("id", accountId)))));
            JsonNode now = await("the account now").atMost(EVENTUALLY)
                    .until(() -> updates(socket), updates -> !updates.isEmpty()).get(0);
            assertThat(now.path("id").asText()).isEqualTo(accountId);
            assertThat(now.path("balance").asText()).isEqualTo("10.00");

            long deposited = deposit(accountId, "5.25", "second");

            List<JsonNode> updates = await("the account after the deposit").atMost(EVENTUALLY)
                    .until(() -> updates(socket), all -> all.stream().anyMatch(update -> update.path("version").asLong() == deposited));
            JsonNode after = updates.stream().filter(update -> update.path("version").asLong() == deposited).findFirst().orElseThrow();
            assertThat(after.path("balance").asText()).isEqualTo("15.25");
            assertThat(socket.received("error")).as("errors on the socket").isEmpty();
            assertThat(socket.closedWith()).as("the socket stays open for more updates").isNotDone();
        }
    }

    @Test
    void theGatewayClosesAGraphQlSocketWithoutAValidToken4401() {
        for (String connectionInit : List.of("{\"type\":\"connection_init\"}",
                "{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"Authorization\":\"Bearer not.a.jwt\"}}}",
                "{\"type\":\"connection_init\",\"payload\":{\"token\":\"" + token.substring(0, token.length() - 4) + "\"}}")) {
            try (GraphQlSocket socket = GraphQlSocket.open(HTTP, webSocketOf(gateway.resolve("/graphql")))) {
                socket.send(connectionInit);
                await("the gateway's close of " + connectionInit).atMost(EVENTUALLY).until(() -> socket.closedWith().isDone());
                assertThat(socket.closedWith().join()).as(connectionInit).isEqualTo(4401);
                assertThat(socket.received("connection_ack")).as(connectionInit).isEmpty();
            }
        }
    }

    private static final String[] ACCOUNT_FIELDS = {"customerId", "currency", "balance", "availableBalance", "overdraftLimit",
            "status", "version"};
    private static final String[] LINE_FIELDS = {"sequence", "type", "amount", "currency", "balanceAfter", "description",
            "eventId"};

    /** The named fields of an answer, so that answers of REST and GraphQL compare field by field. */
    private static JsonNode fields(JsonNode node, String... names) {
        ObjectNode picked = JSON.createObjectNode();
        for (String name : names) {
            assertThat(node.has(name)).as("the field " + name + " in " + node).isTrue();
            picked.set(name, node.get(name));
        }
        return picked;
    }

    private static List<JsonNode> updates(GraphQlSocket socket) {
        return socket.received("next").stream().map(next -> next.path("payload").path("data").path("accountUpdated")).toList();
    }

    private static URI webSocketOf(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static JsonNode graphQl(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpResponse<String> answered = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/graphql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        return JSON.readTree(answered.body());
    }

    private static JsonNode restGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> answered = HTTP.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return answered.statusCode() == 200 ? JSON.readTree(answered.body()) : JSON.missingNode();
    }

    private static List<JsonNode> restItems(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        restGet(path).path("items").forEach(items::add);
        return items;
    }

    /** Deposits through the gateway; the version the deposit produced. */
    private static long deposit(String accountId, String amount, String description) throws Exception {
        HttpResponse<String> deposited = post("/api/accounts/" + accountId + "/deposits",
                "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"description\":\"" + description + "\"}", null);
        assertThat(deposited.statusCode()).as(deposited.body()).isEqualTo(200);
        return JSON.readTree(deposited.body()).path("version").asLong();
    }

    /** "service: span name" of each span in the trace; Zipkin answers names in lower case. */
    private static Set<String> spansOf(URI trace) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(trace).build(), HttpResponse.BodyHandlers.ofString());
        Set<String> spans = new TreeSet<>();
        if (response.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(response.body())) {
                spans.add(span.path("localEndpoint").path("serviceName").asText() + ": " + span.path("name").asText());
            }
        }
        return spans;
    }

    /** The one span of {@code service} named {@code name}. */
    private static JsonNode span(JsonNode trace, String service, String name) {
        List<JsonNode> found = new ArrayList<>();
        trace.forEach(span -> {
            if (service.equals(service(span)) && name.equals(span.path("name").asText())) {
                found.add(span);
            }
        });
        assertThat(found).as("spans of " + service + " named " + name).hasSize(1);
        return found.get(0);
    }

    /** The span {@code span} is a child of, in the same trace. */
    private static JsonNode parentOf(JsonNode trace, JsonNode span) {
        String parentId = span.path("parentId").asText();
        List<JsonNode> parents = new ArrayList<>();
        trace.forEach(candidate -> {
            if (parentId.equals(candidate.path("id").asText())) {
                parents.add(candidate);
            }
        });
        assertThat(parents).as("the parent " + parentId + " of " + span.path("name").asText() + " in the trace").hasSize(1);
        return parents.get(0);
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asText();
    }

    /** The names of the parents of the spans named {@code name}; Zipkin keeps a span's parent by id. */
    private static List<String> parentsOf(JsonNode trace, String name) {
        Map<String, String> names = new HashMap<>();
        trace.forEach(span -> names.put(span.path("id").asText(), span.path("name").asText()));
        List<String> parents = new ArrayList<>();
        trace.forEach(span -> {
            if (name.equals(span.path("name").asText())) {
                parents.add(names.getOrDefault(span.path("parentId").asText(), "no parent " + span.path("parentId").asText()));
            }
        });
        assertThat(parents).as("spans named " + name).isNotEmpty();
        return parents;
    }

    /** A server-sent event stream read on a thread of the client, until closed. */
    private record LiveUpdates(CompletableFuture<HttpResponse<Void>> response) implements AutoCloseable {

        static LiveUpdates follow(URI stream, String token) {
            CountDownLatch opened = new CountDownLatch(1);
            CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(HttpRequest.newBuilder(stream)
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                        @Override
                        public void onSubscribe(Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(String line) {
                            // the account's state now: the stream is registered for the updates to come
                            if (line.startsWith("data:")) {
                                opened.countDown();
                            }
                        }

                        @Override
                        public void onError(Throwable throwable) {
                        }

                        @Override
                        public void onComplete() {
                        }
                    }));
            await("the live update stream's first event").atMost(EVENTUALLY).until(() -> opened.getCount() == 0);
            return new LiveUpdates(response);
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }

    private static String registerCustomer() throws Exception {
        String unique = UUID.randomUUID().toString();
        HttpResponse<String> registered = post("/api/customers",
                "{\"name\":\"Traced " + unique.substring(0, 8) + "\",\"email\":\"traced-" + unique + "@example.org\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).path("customerId").asText();
    }

    private static String openAccount(String customerId) throws Exception {
        HttpResponse<String> opened = post("/api/accounts", "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).path("accountId").asText();
    }

    private static HttpResponse<String> post(String path, String body, String traceparent) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
