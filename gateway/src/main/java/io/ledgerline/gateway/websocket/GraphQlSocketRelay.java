package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The gateway's end of a client's GraphQL socket. The first message must be a {@code connection_init}
 * whose token the gateway's own decoder accepts (the query side checks it again): else the socket is
 * closed 4401 (4400 for a message that is not one, 4408 when none comes in time) and no node is
 * contacted. Then the other half is opened on a query node, the connection_init passed on, and every
 * text frame relayed in order each way, until either end closes, whose code and reason the other end
 * is given.
 */
class GraphQlSocketRelay implements WebSocketHandler, SubProtocolCapable {

    static final CloseStatus MALFORMED = new CloseStatus(4400, "The first message is not a graphql-transport-ws message");
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
    static final CloseStatus INIT_TIMEOUT = new CloseStatus(4408, "Connection initialisation timeout");
    static final CloseStatus TOO_MANY_OF_SUBJECT = new CloseStatus(4429, "Too many open sockets for this subject");
    static final CloseStatus TOO_MANY_AWAITING_INIT = new CloseStatus(4429,
            "Too many sockets from this address await their connection_init");
    static final CloseStatus GATEWAY_FULL = new CloseStatus(1013, "The gateway holds as many sockets as it may");
    static final CloseStatus NO_NODE = new CloseStatus(1013, "No query node is available; try again later");
    static final CloseStatus TEXT_ONLY = new CloseStatus(1003, "graphql-transport-ws is a protocol of text frames");

    private static final Logger log = LoggerFactory.getLogger(GraphQlSocketRelay.class);

    private final QueryNodeSockets nodes;
    private final JwtDecoder tokens;
    private final SocketCaps caps;
    private final RelayProperties limits;
    private final ObjectMapper json;
    private final ScheduledExecutorService timers;
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    GraphQlSocketRelay(QueryNodeSockets nodes, JwtDecoder tokens, SocketCaps caps, RelayProperties limits, ObjectMapper json,
            ScheduledExecutorService timers) {
        this.nodes = nodes;
        this.tokens = tokens;
        this.caps = caps;
        this.limits = limits;
        this.json = json;
        this.timers = timers;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(QueryNodeSockets.SUBPROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession client) throws IOException {
        // the upgrade saw room; between it and now other sockets may have taken it
        if (!caps.tryOpen()) {
            client.close(GATEWAY_FULL);
            return;
        }
        String address = ClientAddress.of(client.getRemoteAddress());
        if (!caps.tryAwaitInit(address)) {
            caps.closed();
            client.close(TOO_MANY_AWAITING_INIT);
            return;
        }
        Relay relay = new Relay(decorated(client), address);
        relays.put(client.getId(), relay);
        relay.initTimeout = timers.schedule(() -> relay.closeClient(INIT_TIMEOUT),
                limits.connectionInitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tomcat hands one socket's frames over one at a time, so the node's socket is open before the next frame. */
    @Override
    public void handleMessage(WebSocketSession client, WebSocketMessage<?> message) throws IOException {
        Relay relay = relays.get(client.getId());
        if (relay == null) {
            return;
        }
        if (!(message instanceof TextMessage text)) {
            relay.closeClient(TEXT_ONLY);
            return;
        }
        if (relay.node != null) {
            // a node that has closed has closed the client too, or is about to
            if (relay.node.isOpen()) {
                relay.node.sendMessage(text);
            }
            return;
        }
        relay.initTimeout.cancel(false);
        relay.initAwaited(caps);
        Optional<String> token = authenticate(relay, text.getPayload());
        if (token.isEmpty()) {
            return;
        }
        Optional<WebSocketSession> node = nodes.open(new NodeEnd(relay), nodeUpgradeHeaders(client, token.get()));
        if (node.isEmpty()) {
            relay.closeClient(NO_NODE);
            return;
        }
        relay.node = decorated(node.get());
        if (!client.isOpen()) {
            // the client left while the node's socket was being opened
            relay.closeNode(CloseStatus.GOING_AWAY);
            return;
        }
        relay.node.sendMessage(text);
    }

    private Optional<String> authenticate(Relay relay, String firstMessage) {
        ConnectionInit.Reading reading = ConnectionInit.read(firstMessage, json);
        switch (reading.verdict()) {
            case MALFORMED -> relay.closeClient(MALFORMED);
            case NOT_CONNECTION_INIT, NO_TOKEN -> relay.closeClient(UNAUTHORIZED);
            case TOKEN -> {
                Jwt jwt;
                try {
                    jwt = tokens.decode(reading.token());
                } catch (JwtException refused) {
                    relay.closeClient(UNAUTHORIZED);
                    return Optional.empty();
                }
                String subject = jwt.getSubject() == null ? "" : jwt.getSubject();
                if (!caps.tryAdmit(subject)) {
                    relay.closeClient(TOO_MANY_OF_SUBJECT);
                    return Optional.empty();
                }
                relay.subject = subject;
                return Optional.of(reading.token());
            }
        }
        return Optional.empty();
    }

    /** The node authenticates the socket at connection_init; the upgrade carries the token as well, and the request's ids. */
    private static WebSocketHttpHeaders nodeUpgradeHeaders(WebSocketSession client, String token) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        Object correlationId = client.getAttributes().get(UpgradeAdmission.CORRELATION_ID);
        if (correlationId != null) {
            headers.set(UpgradeAdmission.CORRELATION_ID, correlationId.toString());
        }
        Object traceparent = client.getAttributes().get(UpgradeAdmission.TRACEPARENT);
        if (traceparent != null) {
            headers.set(UpgradeAdmission.TRACEPARENT, traceparent.toString());
        }
        return headers;
    }

    @Override
    public void handleTransportError(WebSocketSession client, Throwable failure) {
        log.debug("A GraphQL socket failed: {}", failure.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession client, CloseStatus status) {
        Relay relay = relays.remove(client.getId());
        if (relay == null) {
            return;
        }
        caps.closed();
        relay.initAwaited(caps);
        if (relay.subject != null) {
            caps.release(relay.subject);
        }
        if (relay.initTimeout != null) {
            relay.initTimeout.cancel(false);
        }
        relay.closeNode(RelayedClose.of(status));
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }

    /** Sends from more than one thread (the other end's frames, closes, timers) and bounds what waits for a slow peer. */
    private WebSocketSession decorated(WebSocketSession session) {
        return new ConcurrentWebSocketSessionDecorator(session, Math.toIntExact(limits.sendTimeLimit().toMillis()),
                Math.toIntExact(limits.sendBufferLimit().toBytes()));
    }

    int open() {
        return relays.size();
    }

    /** The two halves of one relayed socket. */
    private static final class Relay {

        private final WebSocketSession client;
        /** The client's address while its first message has not come: released once, whichever comes first. */
        private final AtomicReference<String> awaitingInitFrom;
        private volatile WebSocketSession node;
        private volatile String subject;
        private volatile ScheduledFuture<?> initTimeout;

        Relay(WebSocketSession client, String address) {
            this.client = client;
            this.awaitingInitFrom = new AtomicReference<>(address);
        }

        void initAwaited(SocketCaps caps) {
            String address = awaitingInitFrom.getAndSet(null);
            if (address != null) {
                caps.initAwaited(address);
            }
        }

        void closeClient(CloseStatus status) {
            close(client, status);
        }

        void closeNode(CloseStatus status) {
            WebSocketSession half = node;
            if (half != null) {
                close(half, status);
            }
        }

        private static void close(WebSocketSession session, CloseStatus status) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.close(status);
            } catch (IOException | RuntimeException alreadyGone) {
                log.debug("Closing a relayed socket failed: {}", alreadyGone.toString());
            }
        }
    }

    /** The node's end: its frames go to the client in the order they came, its close too. */
    private final class NodeEnd implements WebSocketHandler {

        private final Relay relay;

        NodeEnd(Relay relay) {
            this.relay = relay;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession node) {
            // the relay starts sending once the upgrade is complete
        }

        @Override
        public void handleMessage(WebSocketSession node, WebSocketMessage<?> message) throws IOException {
            if (relay.client.isOpen()) {
                relay.client.sendMessage(message);
            }
        }

        @Override
        public void handleTransportError(WebSocketSession node, Throwable failure) {
            log.debug("A query node's GraphQL socket failed: {}", failure.toString());
        }

        @Override
        public void afterConnectionClosed(WebSocketSession node, CloseStatus status) {
            relay.closeClient(RelayedClose.of(status));
        }

        @Override
        public boolean supportsPartialMessages() {
            return false;
        }
    }
}
