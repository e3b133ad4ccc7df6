package io.ledgerline.gateway.websocket;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ledgerline.gateway.forwarding.InstanceChooser;
import io.ledgerline.gateway.forwarding.SideInstances;
import io.ledgerline.gateway.routing.Side;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Opens a relayed socket's other half on a query node: one of the nodes in the rotation
 * ({@link SideInstances}), taken in turn ({@link InstanceChooser}), and the next one when a node
 * refuses or does not complete the upgrade, which changed nothing on it. The query side's breaker
 * records one outcome per socket, as it does per HTTP request: an open breaker sends nothing.
 */
class QueryNodeSockets implements DisposableBean {

    static final String PATH = "/graphql";
    static final String SUBPROTOCOL = "graphql-transport-ws";
    /** Tomcat's client takes its connect and upgrade time limit from this property. */
    private static final String IO_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";
    private static final Logger log = LoggerFactory.getLogger(QueryNodeSockets.class);

    private final SideInstances instances;
    private final CircuitBreakerRegistry breakers;
    private final InstanceChooser chooser = new InstanceChooser();
    private final int maxAttempts;
    private final Duration connectTimeout;
    private final WebSocketContainer container;
    private final StandardWebSocketClient client;

    QueryNodeSockets(SideInstances instances, CircuitBreakerRegistry breakers, int maxAttempts, Duration connectTimeout,
            RelayProperties limits) {
        this.instances = instances;
        this.breakers = breakers;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.connectTimeout = connectTimeout;
        this.container = ContainerProvider.getWebSocketContainer();
        int frame = Math.toIntExact(limits.maxFrameSize().toBytes());
        container.setDefaultMaxTextMessageBufferSize(frame);
        container.setDefaultMaxBinaryMessageBufferSize(frame);
        this.client = new StandardWebSocketClient(container);
        client.setUserProperties(Map.of(IO_TIMEOUT, Long.toString(connectTimeout.toMillis())));
    }

    CircuitBreaker breaker() {
        return breakers.circuitBreaker(Side.QUERY.serviceId());
    }

    boolean anyNodeInRotation() {
        return !instances.healthy(Side.QUERY).isEmpty();
    }

    /** The node's socket, or empty when the breaker is open or no node completed the upgrade. */
    Optional<WebSocketSession> open(WebSocketHandler handler, WebSocketHttpHeaders headers) {
        CircuitBreaker breaker = breaker();
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        headers.setSecWebSocketProtocol(List.of(SUBPROTOCOL));
        long started = System.nanoTime();
        Set<URI> tried = new LinkedHashSet<>();
        Throwable lastFailure = new NoQueryNode();
        while (tried.size() < maxAttempts) {
            Optional<ServiceInstance> node = chooser.choose(instances.healthy(Side.QUERY), Optional.empty(), tried);
            if (node.isEmpty()) {
                break;
            }
            tried.add(node.get().getUri());
            URI socket = socketOf(node.get().getUri());
            try {
                WebSocketSession session = client.execute(handler, headers, socket)
                        .get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return Optional.of(session);
            } catch (ExecutionException | TimeoutException | RuntimeException failed) {
                // whatever the failure, the breaker's permission is answered with an outcome
                lastFailure = failed instanceof ExecutionException && failed.getCause() != null ? failed.getCause() : failed;
                log.warn("The GraphQL socket's upgrade failed on {} ({}); trying another node", socket, lastFailure.toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                breaker.releasePermission();
                return Optional.empty();
            }
        }
        breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, lastFailure);
        return Optional.empty();
    }

    private static URI socketOf(URI node) {
        String scheme = "https".equalsIgnoreCase(node.getScheme()) ? "wss" : "ws";
        return UriComponentsBuilder.fromUri(node).scheme(scheme).replacePath(PATH).replaceQuery(null).build(true).toUri();
    }

    @Override
    public void destroy() {
        if (container instanceof WsWebSocketContainer tomcat) {
            tomcat.destroy();
        }
    }

    /** No node of the query side in the rotation: a failure of the side, as for an HTTP request. */
    static final class NoQueryNode extends RuntimeException {

        NoQueryNode() {
            super("no node of the query-side is in the rotation", null, false, false);
        }
    }
}
