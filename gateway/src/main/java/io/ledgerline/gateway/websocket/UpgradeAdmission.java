package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ledgerline.support.tracing.TraceContext;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.Problems;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses an upgrade the relay could not serve, 503 SERVICE_UNAVAILABLE with Retry-After as for an
 * HTTP request: while the query side's breaker is open, while no query node is in the rotation, and
 * while the gateway holds as many sockets as it may; 429 RATE_LIMITED while as many sockets from the
 * client's address as it may hold await their connection_init. An accepted upgrade keeps the request's
 * correlation id and the gateway's trace context for the node's upgrade.
 */
class UpgradeAdmission implements HandshakeInterceptor {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String TRACEPARENT = TraceContext.TRACEPARENT;
    static final String CODE = "SERVICE_UNAVAILABLE";

    private final QueryNodeSockets nodes;
    private final SocketCaps caps;
    private final Duration healthCheckInterval;
    private final TraceContext traces;
    private final ObjectMapper json;
    private final Duration connectionInitTimeout;

    UpgradeAdmission(QueryNodeSockets nodes, SocketCaps caps, Duration healthCheckInterval, TraceContext traces,
            ObjectMapper json, Duration connectionInitTimeout) {
        this.nodes = nodes;
        this.caps = caps;
        this.healthCheckInterval = healthCheckInterval;
        this.traces = traces;
        this.json = json;
        this.connectionInitTimeout = connectionInitTimeout;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        CircuitBreaker breaker = nodes.breaker();
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            Duration wait = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
            return refuse(request, response, "The query-side is failing; it is given time to recover before sockets "
                    + "reach it again", wait);
        }
        if (!nodes.anyNodeInRotation()) {
            return refuse(request, response, "No node of the query-side is available", healthCheckInterval);
        }
        if (!caps.hasRoom()) {
            return refuse(request, response, "The gateway holds as many GraphQL sockets as it may", Duration.ofSeconds(1));
        }
        if (!caps.hasRoomToAwaitInit(ClientAddress.of(request.getRemoteAddress()))) {
            return refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED, "Too many sockets from "
                    + "this address await their connection_init; send it on those first", connectionInitTimeout);
        }
        Optional.ofNullable(request.getHeaders().getFirst(CORRELATION_ID)).ifPresent(id -> attributes.put(CORRELATION_ID, id));
        traces.current().or(() -> Optional.ofNullable(request.getHeaders().getFirst(TRACEPARENT)))
                .ifPresent(traceparent -> attributes.put(TRACEPARENT, traceparent));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing was taken before the handshake: the socket counts once it is open
    }

    private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, String detail, Duration retryAfter)
            throws IOException {
        return refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, CODE, detail, retryAfter);
    }

    private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status, String code,
            String detail, Duration retryAfter) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setInstance(URI.create(request.getURI().getRawPath()));
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(problem));
        return false;
    }
}
