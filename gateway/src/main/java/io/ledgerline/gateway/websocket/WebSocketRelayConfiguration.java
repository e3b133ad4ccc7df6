package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ledgerline.gateway.GatewayProperties;
import io.ledgerline.gateway.forwarding.SideInstances;
import io.ledgerline.support.tracing.TraceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

@Configuration(proxyBeanMethods = false)
class WebSocketRelayConfiguration {

    @Bean
    SocketCaps graphQlSocketCaps(RelayProperties limits) {
        return new SocketCaps(limits.maxSockets(), limits.maxSocketsPerSubject(), limits.maxAwaitingInitPerAddress());
    }

    @Bean
    QueryNodeSockets queryNodeSockets(SideInstances instances, CircuitBreakerRegistry breakers, GatewayProperties gateway,
            RelayProperties limits) {
        return new QueryNodeSockets(instances, breakers, gateway.maxAttempts(), gateway.connectTimeout(), limits);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService graphQlSocketTimers() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gateway-socket-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    GraphQlSocketRelay graphQlSocketRelay(QueryNodeSockets nodes, JwtDecoder tokens, SocketCaps caps, RelayProperties limits,
            ObjectMapper json, ScheduledExecutorService graphQlSocketTimers) {
        return new GraphQlSocketRelay(nodes, tokens, caps, limits, json, graphQlSocketTimers);
    }

    /**
     * Only a WebSocket upgrade of /graphql reaches the relay; a POST goes on to the HTTP route. Ahead of
     * the gateway's routes, which know no GET /graphql. A browser's upgrade from another origin is
     * refused 403 unless the CORS policy names that origin: the socket is closed to other sites'
     * scripts as the HTTP API is (a client that is no browser sends no Origin).
     */
    @Bean
    WebSocketHandlerMapping graphQlSocketMapping(GraphQlSocketRelay relay, QueryNodeSockets nodes, SocketCaps caps,
            TraceContext traces, ObjectMapper json, GatewayProperties gateway, RelayProperties limits,
            @Value("${spring.cloud.loadbalancer.health-check.interval:2s}") Duration healthCheckInterval) {
        WebSocketHttpRequestHandler upgrade = new WebSocketHttpRequestHandler(relay, new DefaultHandshakeHandler());
        List<String> origins = gateway.corsAllowedOrigins().stream().filter(StringUtils::hasText).toList();
        upgrade.setHandshakeInterceptors(List.of(new OriginHandshakeInterceptor(origins),
                new UpgradeAdmission(nodes, caps, healthCheckInterval, traces, json, limits.connectionInitTimeout())));
        WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
        mapping.setUrlMap(Map.of(QueryNodeSockets.PATH, upgrade));
        mapping.setWebSocketUpgradeMatch(true);
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return mapping;
    }

    /** Tomcat closes a socket 1009 on a larger frame, before the relay sees it: the services' request body limit. */
    @Bean
    ServletServerContainerFactoryBean graphQlSocketContainer(RelayProperties limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int frame = Math.toIntExact(limits.maxFrameSize().toBytes());
        container.setMaxTextMessageBufferSize(frame);
        container.setMaxBinaryMessageBufferSize(frame);
        return container;
    }
}
