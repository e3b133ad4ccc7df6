package io.ledgerline.query.graphql.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.QuerySideApplication;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.security.Roles;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import io.ledgerline.testsupport.security.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * GraphQL subscriptions over graphql-transport-ws on the real servers. A second query node runs in this JVM on
 * the same database and Kafka, with its consumers stopped: whatever a subscription held on it receives was
 * projected by the test's node, and reached it through PostgreSQL's NOTIFY.
 */
class GraphQlSubscriptionsIT extends QuerySideIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static ConfigurableApplicationContext secondNode;

    @Autowired
    TestTokens tokens;
    @Autowired
    DevTokenIssuer issuer;
    @LocalServerPort
    int port;

    CustomerId owner;
    AccountId account;

    @BeforeEach
    void openAnAccount() throws Exception {
        owner = ledger.customer("Sub Scriber", "sub-" + UUID.randomUUID() + "@example.org");
        account = ledger.account(owner, "EUR");
        eventually("/api/accounts/{id}", found -> true, account);
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aDepositProjectedByAnotherNodeArrivesOnASubscriptionHeldOnThisOne() throws Exception {
        WebSocketGraphQlClient client = WebSocketGraphQlClient
                .builder("ws://localhost:" + secondNodePort() + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + customerToken()));
                    }
                })
                .build();
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        Disposable subscription = client.document(
                        "subscription($id: ID!) { accountUpdated(accountId: $id) { id balance availableBalance currency version } }")
                .variable("id", account.toString()).executeSubscription()
                .subscribe(response -> received.add(response.field("accountUpdated").toEntity(Map.class)));
        try {
            assertThat(received.poll(SOON.toSeconds(), TimeUnit.SECONDS)).as("the account now")
                    .containsEntry("balance", "0.00").containsEntry("version", 0);

            deposit("50.00", "50.00");

            assertThat(received.poll(SOON.toSeconds(), TimeUnit.SECONDS)).as("the account after the deposit")
                    .containsEntry("balance", "50.00").containsEntry("currency", "EUR").containsEntry("version", 1);
        } finally {
            subscription.dispose();
            client.stop().block(SOON);
        }
    }

    @Test
    void aSocketWithoutATokenIsClosedWith4401() throws Exception {
        try (GraphQlSocket socket = GraphQlSocket.open(port, json).init(Map.of())) {
            assertThat(socket.closeStatus(SOON).getCode()).isEqualTo(4401);
        }
    }

    @Test
    void aSocketWithAForgedOrMalformedTokenIsClosedWith4401() throws Exception {
        String forged = customerToken().substring(0, customerToken().length() - 4) + "AAAA";
        for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("Authorization", "Bearer " + forged),
                Map.of("token", "not.a.token"), Map.of("Authorization", "Basic dXNlcjpwYXNz"))) {
            try (GraphQlSocket socket = GraphQlSocket.open(port, json).init(payload)) {
                assertThat(socket.closeStatus(SOON).getCode()).as(payload.toString()).isEqualTo(4401);
            }
        }
    }

    @Test
    void aSubscriptionBeforeConnectionInitIsClosedWith4401() throws Exception {
        try (GraphQlSocket socket = GraphQlSocket.open(port, json)) {
            socket.subscribe("1", "subscription { accountUpdated(accountId: \"" + account + "\") { id } }");
            assertThat(socket.closeStatus(SOON).getCode()).isEqualTo(4401);
        }
    }

    @Test
    void acceptsTheTokenAsTokenOrUnderHeadersToo() throws Exception {
        for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("token", customerToken()),
                Map.of("headers", Map.of("authorization", "Bearer " + customerToken())))) {
            try (GraphQlSocket socket = GraphQlSocket.open(port, json).init(payload)) {
                assertThat(socket.nextOtherThanPing(SOON).path("type").asText()).isEqualTo("connection_ack");
                socket.subscribe("1", "subscription { accountUpdated(accountId: \"" + account + "\") { balance } }");
                JsonNode first = socket.nextOtherThanPing(SOON);
                assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("next");
                assertThat(first.at("/payload/data/accountUpdated/balance").asText()).isEqualTo("0.00");
            }
        }
    }

    @Test
    void anotherCustomersAccountIsNotFoundLikeAnUnknownOne() throws Exception {
        CustomerId stranger = ledger.customer("Stranger", "stranger-" + UUID.randomUUID() + "@example.org");
        String strangersToken = tokens.token("stranger-" + UUID.randomUUID(), List.of(Roles.CUSTOMER), stranger.toString());
        try (GraphQlSocket socket = connected(port, strangersToken)) {
            socket.subscribe("1", "subscription { accountUpdated(accountId: \"" + account + "\") { balance } }");
            socket.subscribe("2", "subscription { accountUpdated(accountId: \"acc-never-opened\") { balance } }");

            for (int i = 0; i < 2; i++) {
                JsonNode refused = socket.nextOtherThanPing(SOON);
                assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
                assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
                assertThat(refused.toString()).doesNotContain("0.00");
            }
        }
    }

    @Test
    void aSubscriptionEndsWithTokenExpiredWhenItsTokenExpires() throws Exception {
        String shortLived = issuer.issue("expiring-" + UUID.randomUUID(), List.of(Roles.CUSTOMER),
                Optional.of(owner.toString()), Optional.of(Duration.ofSeconds(3))).token();
        try (GraphQlSocket socket = connected(port, shortLived)) {
            socket.subscribe("1", "subscription { accountUpdated(accountId: \"" + account + "\") { balance } }");
            assertThat(socket.nextOtherThanPing(SOON).path("type").asText()).isEqualTo("next");

            JsonNode last = socket.nextOtherThanPing(SOON);

            assertThat(last.path("type").asText()).as(last.toString()).isEqualTo("error");
            assertThat(last.path("id").asText()).isEqualTo("1");
            assertThat(last.at("/payload/0/extensions/code").asText()).isEqualTo("TOKEN_EXPIRED");
        }
    }

    @Test
    void aCallersSixthSubscriptionIsRefusedUntilOneOfTheFiveEnds() throws Exception {
        String token = tokens.token("capped-" + UUID.randomUUID(), List.of(Roles.CUSTOMER), owner.toString());
        try (GraphQlSocket socket = connected(port, token)) {
            for (int i = 1; i <= 5; i++) {
                socket.subscribe(String.valueOf(i), "subscription { accountUpdated(accountId: \"" + account + "\") { version } }");
                assertThat(socket.nextOtherThanPing(SOON).path("type").asText()).as("subscription " + i).isEqualTo("next");
            }

            socket.subscribe("6", "subscription { accountUpdated(accountId: \"" + account + "\") { version } }");
            JsonNode refused = socket.nextOtherThanPing(SOON);

            assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
            assertThat(refused.path("id").asText()).isEqualTo("6");
            assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("TOO_MANY_STREAMS");

            socket.complete("1");
            List<JsonNode> seen = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(SOON).until(() -> {
                socket.subscribe("again-" + seen.size(), "subscription { accountUpdated(accountId: \"" + account
                        + "\") { version } }");
                JsonNode answer = socket.nextOtherThanPing(SOON);
                seen.add(answer);
                return answer.path("type").asText().equals("next");
            });
        }
    }

    @Test
    void anOperationRefusedBeforeItRunsIsAnsweredWithOneErrorMessageAndTheSocketStaysOpen() throws Exception {
        String subscription = "subscription { accountUpdated(accountId: \"" + account + "\") { version } }";
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(subscription + " #" + "x".repeat(9_000), "QUERY_TOO_LARGE");
        refusals.put("subscription { accountUpdated(accountId: \"" + account + "\") { noSuchField } }", "INVALID_REQUEST");
        refusals.put("subscription { accountUpdated(", "MALFORMED_REQUEST");
        try (GraphQlSocket socket = connected(port, customerToken())) {
            int id = 0;
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                socket.subscribe(String.valueOf(++id), refusal.getKey());
                JsonNode refused = socket.nextOtherThanPing(SOON);

                assertThat(refused.path("type").asText()).as(refused.toString()).isEqualTo("error");
                assertThat(refused.path("id").asText()).isEqualTo(String.valueOf(id));
                assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo(refusal.getValue());
            }

            socket.subscribe("within-limits", subscription);
            JsonNode answer = socket.nextOtherThanPing(SOON);
            assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("next");
            assertThat(answer.path("id").asText()).isEqualTo("within-limits");
        }
    }

    @Test
    void aMessageLargerThanARequestBodyClosesTheSocketWith1009() throws Exception {
        try (GraphQlSocket socket = connected(port, customerToken())) {
            socket.subscribe("1", "subscription { accountUpdated(accountId: \"" + account + "\") { version } } #"
                    + "x".repeat(70_000));

            assertThat(socket.closeStatus(SOON).getCode()).isEqualTo(1009);
        }
    }

    @Test
    void transferSettledAnswersASettledTransferAtOnceAndCompletes() throws Exception {
        AccountId other = ledger.account(owner, "EUR");
        deposit("40.00", "40.00");
        TransferId transfer = ledger.transfer(account, "30.00 EUR", other, "10.00 EUR", "10.00 EUR");
        eventually("/api/transfers/{id}", found -> "COMPLETED".equals(found.path("status").asText()), transfer);
        try (GraphQlSocket socket = connected(secondNodePort(), customerToken())) {
            socket.subscribe("1", "subscription { transferSettled(transferId: \"" + transfer + "\") { id status amount } }");

            JsonNode settled = socket.nextOtherThanPing(SOON);
            assertThat(settled.path("type").asText()).as(settled.toString()).isEqualTo("next");
            assertThat(settled.at("/payload/data/transferSettled/status").asText()).isEqualTo("COMPLETED");
            assertThat(settled.at("/payload/data/transferSettled/amount").asText()).isEqualTo("10.00");
            assertThat(socket.nextOtherThanPing(SOON).path("type").asText()).isEqualTo("complete");
        }
    }

    private GraphQlSocket connected(int on, String token) throws InterruptedException {
        GraphQlSocket socket = GraphQlSocket.open(on, json).init(Map.of("Authorization", "Bearer " + token));
        JsonNode ack = socket.nextOtherThanPing(SOON);
        assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("connection_ack");
        return socket;
    }

    private String customerToken() {
        return tokens.token("owner-" + owner, List.of(Roles.CUSTOMER), owner.toString());
    }

    private void deposit(String amount, String balance) {
        try {
            ledger.deposit(account, amount + " EUR", balance + " EUR", "salary");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized int secondNodePort() {
        if (secondNode == null) {
            // arguments, since they take precedence over the test's application.properties; this node projects nothing
            secondNode = new SpringApplicationBuilder(QuerySideApplication.class)
                    .run("--server.port=0", "--spring.kafka.listener.auto-startup=false");
        }
        return Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
    }
}
