package io.ledgerline.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ledgerline.gateway.forwarding.SideInstances;
import io.ledgerline.gateway.routing.Side;
import io.ledgerline.gateway.websocket.WebSocketNode.Closed;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's GraphQL WebSocket relay in front of two stand-in query nodes that are real WebSocket
 * servers: frames both ways in order, the subprotocol, close codes both ways, the token checked
 * before any node is contacted, a dead node avoided, refusals when no node can serve, and the caps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureObservability(metrics = false)
class GatewayWebSocketIT {

    static final WebSocketNode QUERY_1 = new WebSocketNode("query-1");
    static final WebSocketNode QUERY_2 = new WebSocketNode("query-2");
    static final List<WebSocketNode> NODES = List.of(QUERY_1, QUERY_2);
    static final String PROTOCOL = WebSocketNode.PROTOCOL;
    static final int PER_SUBJECT = 2;
    static final int PER_GATEWAY = 4;
    static final int AWAITING_INIT_PER_ADDRESS = 3;

    static {
        NODES.forEach(WebSocketNode::start);
    }

    @DynamicPropertySource
    static void nodes(DynamicPropertyRegistry properties) {
        // nothing listens there: the command side plays no part in these tests
        properties.add("spring.cloud.discovery.client.simple.instances.command-side[0].uri", () -> "http://127.0.0.1:1");
        properties.add("spring.cloud.discovery.client.simple.instances.query-side[0].uri", QUERY_1::uri);
        properties.add("spring.cloud.discovery.client.simple.instances.query-side[1].uri", QUERY_2::uri);
        properties.add("spring.cloud.loadbalancer.health-check.interval", () -> "300ms");
        properties.add("management.zipkin.tracing.export.enabled", () -> "false");
        properties.add("ledgerline.security.dev-tokens.key-file", () -> "target/gateway-ws-it/dev-token-key.json");
        properties.add("ledgerline.gateway.websocket.max-sockets", () -> PER_GATEWAY);
        properties.add("ledgerline.gateway.websocket.max-sockets-per-subject", () -> PER_SUBJECT);
        // long enough for a test to hold silent sockets on a loaded machine, well within a socket's wait for its close
        properties.add("ledgerline.gateway.websocket.connection-init-timeout", () -> "5s");
        properties.add("ledgerline.gateway.websocket.max-awaiting-init-per-address", () -> AWAITING_INIT_PER_ADDRESS);
    }

    @AfterAll
    static void stopNodes() {
        NODES.forEach(WebSocketNode::stop);
    }

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer issuer;
    @Autowired
    SideInstances instances;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    SocketCaps caps;

    final HttpClient http = HttpClient.newHttpClient();
    final List<Socket> opened = new CopyOnWriteArrayList<>();
    final String subject = "socket-" + UUID.randomUUID();

    @BeforeEach
    void bothNodesInTheRotation() {
        await().atMost(Duration.ofSeconds(10)).until(() -> instances.healthy(Side.QUERY).size() == 2);
    }

    @AfterEach
    void everySocketClosedAndNodesReset() {
        opened.forEach(Socket::abort);
        await().atMost(Duration.ofSeconds(10)).until(() -> caps.open() == 0);
        breakers.circuitBreaker("query-side").transitionToClosedState();
        NODES.forEach(WebSocketNode::reset);
    }

    @Nested
    class Relaying {

        @Test
        void relaysFramesBothWaysInOrderOverTheNegotiatedSubprotocol() throws Exception {
            Socket socket = connect(Map.of());
            assertThat(socket.web.getSubprotocol()).isEqualTo(PROTOCOL);
            socket.sendAndAwait(init(token()), 1);
            assertThat(socket.messages.get(0)).contains("\"type\":\"connection_ack\"");
            socket.sendAndAwait("{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { n }\"}}",
                    1 + WebSocketNode.RESULTS + 1);
            List<String> results = socket.messages.subList(1, 1 + WebSocketNode.RESULTS);
            for (int n = 1; n <= WebSocketNode.RESULTS; n++) {
                assertThat(results.get(n - 1)).contains("\"n\":" + n);
            }
            assertThat(socket.messages.get(WebSocketNode.RESULTS + 1)).contains("\"type\":\"complete\"");

            WebSocketNode node = served();
            assertThat(node.received).hasSize(2);
            assertThat(node.received.get(0)).contains("connection_init");
            assertThat(node.received.get(1)).contains("subscribe");
            assertThat(node.upgrades.get(0).header("Sec-WebSocket-Protocol")).isEqualTo(PROTOCOL);
        }

        @Test
        void carriesTheCorrelationIdTheTraceAndTheTokenOnTheNodesUpgrade() throws Exception {
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            String token = token();
            Socket socket = connect(Map.of("X-Correlation-Id", "socket-corr-1",
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
            socket.sendAndAwait(init(token), 1);
            WebSocketNode.Upgrade upgrade = served().upgrades.get(0);
            assertThat(upgrade.header("X-Correlation-Id")).isEqualTo("socket-corr-1");
            assertThat(upgrade.header("traceparent")).startsWith("00-" + traceId + "-");
            assertThat(upgrade.header("Authorization")).isEqualTo("Bearer " + token);
        }

        @Test
        void givesTheClientTheNodesCloseCodeAndReason() throws Exception {
            Socket socket = connect(Map.of());
            socket.sendAndAwait(init(token()), 1);
            socket.send("{\"type\":\"close-me\",\"code\":4403,\"reason\":\"Forbidden\"}");
            assertThat(socket.closed()).isEqualTo(new Closed(4403, "Forbidden"));
        }

        @Test
        void givesTheNodeTheClientsCloseCodeAndReason() throws Exception {
            Socket socket = connect(Map.of());
            socket.sendAndAwait(init(token()), 1);
            WebSocketNode node = served();
            socket.web.sendClose(4321, "leaving").get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> !node.closes.isEmpty());
            assertThat(node.closes).containsExactly(new Closed(4321, "leaving"));
        }

        @Test
        void closesTheNodesSocketWhenTheClientIsGone() throws Exception {
            Socket socket = connect(Map.of());
            socket.sendAndAwait(init(token()), 1);
            WebSocketNode node = served();
            socket.web.abort();
            await().atMost(Duration.ofSeconds(5)).until(() -> !node.closes.isEmpty());
            assertThat(node.closes.get(0).code()).isEqualTo(1001);
        }

        @Test
        void closesASocketWhoseFrameExceedsTheServicesSizeLimitWithoutRelayingIt() throws Exception {
            Socket socket = connect(Map.of());
            socket.sendAndAwait(init(token()), 1);
            WebSocketNode node = served();
            socket.send("{\"id\":\"big\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + "x".repeat(70 * 1024) + "\"}}");
            assertThat(socket.closed().code()).isEqualTo(1009);
            assertThat(node.received).hasSize(1);
        }
    }

    @Nested
    class Authentication {

        @Test
        void closes4401BeforeContactingANodeWithoutAValidTokenInTheConnectionInit() throws Exception {
            String valid = token();
            String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
            List<String> firstMessages = List.of(
                    "{\"type\":\"connection_init\"}",
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + forged + "\"}}",
                    "{\"type\":\"connection_init\",\"payload\":{\"token\":\"" + forged + "\"}}",
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Basic dXNlcjpwdw==\"}}",
                    "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { n }\"}}");
            for (String first : firstMessages) {
                Socket socket = connect(Map.of());
                socket.send(first);
                assertThat(socket.closed().code()).as(first).isEqualTo(4401);
            }
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
        }

        @Test
        void closes4400AFirstMessageThatIsNoGraphQlMessage() throws Exception {
            Socket socket = connect(Map.of());
            socket.send("hello");
            assertThat(socket.closed().code()).isEqualTo(4400);
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
        }

        @Test
        void closes4408ASocketThatSendsNoConnectionInitInTime() throws Exception {
            Socket socket = connect(Map.of());
            assertThat(socket.closed().code()).isEqualTo(4408);
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
        }

        /** No origin is allowed by default (the CORS policy is closed); a client that is no browser sends none. */
        @Test
        void refusesABrowsersUpgradeFromAnotherOrigin() {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> connect(Map.of("Origin", "https://evil.example")));
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
        }

        @Test
        void acceptsTheTokenAsATokenEntryToo() throws Exception {
            Socket socket = connect(Map.of());
            socket.sendAndAwait("{\"type\":\"connection_init\",\"payload\":{\"token\":\"" + token() + "\"}}", 1);
            assertThat(socket.messages.get(0)).contains("connection_ack");
        }
    }

    @Nested
    class Availability {

        @Test
        void opensEverySocketOnTheLiveNodeWhileTheOtherIsDead() throws Exception {
            QUERY_1.stop();
            try {
                // at once, while the dead node may still be in the rotation, and after the health checks
                for (int i = 0; i < PER_GATEWAY; i++) {
                    Socket socket = connect(Map.of());
                    socket.sendAndAwait(init(token("socket-" + UUID.randomUUID())), 1);
                    assertThat(socket.messages.get(0)).contains("\"node\":\"query-2\"");
                    socket.web.sendClose(1000, "done");
                }
                assertThat(QUERY_2.upgrades).hasSize(PER_GATEWAY);
            } finally {
                QUERY_1.start();
            }
        }

        @Test
        void refusesTheUpgrade503WhenNoQueryNodeIsInTheRotation() {
            NODES.forEach(node -> node.healthy = false);
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> instances.healthy(Side.QUERY).isEmpty());
                assertRefused503();
                assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
            } finally {
                NODES.forEach(node -> node.healthy = true);
            }
        }

        @Test
        void refusesTheUpgrade503WhileTheQuerySidesBreakerIsOpen() {
            breakers.circuitBreaker("query-side").transitionToOpenState();
            assertRefused503();
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();
            assertThat(breakers.circuitBreaker("query-side").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        }
    }

    @Nested
    class Caps {

        @Test
        void closes4429ASubjectsSocketBeyondItsCap() throws Exception {
            for (int i = 0; i < PER_SUBJECT; i++) {
                connect(Map.of()).sendAndAwait(init(token()), 1);
            }
            Socket beyond = connect(Map.of());
            beyond.send(init(token()));
            assertThat(beyond.closed().code()).isEqualTo(4429);
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isEqualTo(PER_SUBJECT);
            // another subject is not held back by this one's sockets
            connect(Map.of()).sendAndAwait(init(token("other-" + UUID.randomUUID())), 1);
        }

        @Test
        void refusesTheUpgrade429WhileAsManySocketsOfTheAddressAwaitTheirConnectionInitAndTakesOneOnceOneSendsIt()
                throws Exception {
            List<Socket> silent = new ArrayList<>();
            for (int i = 0; i < AWAITING_INIT_PER_ADDRESS; i++) {
                silent.add(connect(Map.of()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> caps.awaitingInitFrom("127.0.0.1") == AWAITING_INIT_PER_ADDRESS);
            assertRefused(429);
            assertThat(NODES.stream().mapToInt(node -> node.upgrades.size()).sum()).isZero();

            silent.get(0).sendAndAwait(init(token()), 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> caps.awaitingInitFrom("127.0.0.1") == AWAITING_INIT_PER_ADDRESS - 1);
            connect(Map.of()).sendAndAwait(init(token("another-" + UUID.randomUUID())), 1);
        }

        @Test
        void refusesTheUpgrade503BeyondTheGatewaysCapAndTakesOneWhenASocketCloses() throws Exception {
            List<Socket> full = new ArrayList<>();
            for (int i = 0; i < PER_GATEWAY; i++) {
                Socket socket = connect(Map.of());
                socket.sendAndAwait(init(token("socket-" + UUID.randomUUID())), 1);
                full.add(socket);
            }
            assertRefused503();
            full.get(0).web.sendClose(1000, "done");
            await().atMost(Duration.ofSeconds(5)).until(() -> caps.open() == PER_GATEWAY - 1);
            connect(Map.of()).sendAndAwait(init(token("socket-" + UUID.randomUUID())), 1);
        }
    }

    private void assertRefused(int status) {
        try {
            connect(Map.of());
            throw new AssertionError("The upgrade was accepted");
        } catch (ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            var answer = ((WebSocketHandshakeException) refused.getCause()).getResponse();
            assertThat(answer.statusCode()).isEqualTo(status);
            assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    private void assertRefused503() {
        assertRefused(503);
    }

    private WebSocketNode served() {
        List<WebSocketNode> reached = NODES.stream().filter(node -> !node.upgrades.isEmpty()).toList();
        assertThat(reached).hasSize(1);
        assertThat(reached.get(0).upgrades).hasSize(1);
        return reached.get(0);
    }

    private static String init(String token) {
        return "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}";
    }

    private String token() {
        return token(subject);
    }

    private String token(String who) {
        return issuer.issue(who, List.of("CUSTOMER"), Optional.empty(), Optional.empty()).token();
    }

    private Socket connect(Map<String, String> headers) throws Exception {
        Socket socket = new Socket();
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols(PROTOCOL).connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket.web = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), socket).get(10, TimeUnit.SECONDS);
        opened.add(socket);
        return socket;
    }

    /** A client's socket: what it received, in order, and how it was closed. */
    static final class Socket implements WebSocket.Listener {

        final List<String> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Closed> closing = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket web;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closing.complete(new Closed(code, reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closing.completeExceptionally(error);
        }

        void send(String text) throws Exception {
            web.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        void sendAndAwait(String text, int messagesInAll) throws Exception {
            send(text);
            await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() >= messagesInAll);
        }

        Closed closed() throws Exception {
            return closing.get(10, TimeUnit.SECONDS);
        }

        void abort() {
            if (web != null) {
                web.abort();
            }
        }
    }
}
