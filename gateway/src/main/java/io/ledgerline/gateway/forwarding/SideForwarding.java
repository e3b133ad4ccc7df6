package io.ledgerline.gateway.forwarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.ledgerline.gateway.GatewayProperties;
import io.ledgerline.gateway.routing.Side;
import io.ledgerline.support.tracing.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Forwards a request to a healthy node of its side: the aggregate's node for a command of one
 * aggregate, else the next in turn. The side's circuit breaker records one outcome per client
 * request, not per attempt: a failure when the request finally failed for a reason of the side (no
 * node reachable or in the rotation, no answer within the side's time limit, a 5xx answer), a
 * success otherwise, 4xx included. An open breaker is answered 503 SERVICE_UNAVAILABLE at once,
 * without contacting a node. A request
 * goes to another node after a failed attempt only where {@link SendAgain} allows it, or when no
 * connection was made (refused or timed out: nothing was sent).
 */
public class SideForwarding implements ApplicationListener<ContextRefreshedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SideForwarding.class);
    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SideInstances instances;
    private final CircuitBreakerRegistry breakers;
    private final GatewayProperties properties;
    private final ObjectMapper json;
    private final Unavailable unavailable;
    private final Duration healthCheckInterval;
    private final Map<Side, ProxyExchangeHandlerFunction> proxies = new EnumMap<>(Side.class);
    private final Map<Side, InstanceChooser> choosers = new EnumMap<>(Side.class);

    public SideForwarding(SideInstances instances, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimits,
            GatewayProperties properties, ObjectMapper json, Duration healthCheckInterval, TraceContext traces,
            ObjectProvider<RequestHttpHeadersFilter> requestHeaders, ObjectProvider<ResponseHttpHeadersFilter> responseHeaders) {
        this.instances = instances;
        this.breakers = breakers;
        this.properties = properties;
        this.json = json;
        this.unavailable = new Unavailable(json);
        this.healthCheckInterval = healthCheckInterval;
        for (Side side : Side.values()) {
            Duration limit = timeLimits.timeLimiter(side.serviceId()).getTimeLimiterConfig().getTimeoutDuration();
            HeadersTimedProxyExchange exchange = new HeadersTimedProxyExchange(properties.connectTimeout(), limit,
                    properties.streamReadTimeout(), traces, json);
            proxies.put(side, new ProxyExchangeHandlerFunction(exchange, requestHeaders, responseHeaders));
            choosers.put(side, new InstanceChooser());
            breakers.circuitBreaker(side.serviceId());
        }
    }

    /** The header filters are beans of the context; the proxies collect them once it is refreshed. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        proxies.values().forEach(proxy -> proxy.onApplicationEvent(event));
    }

    public HandlerFunction<ServerResponse> to(Side side) {
        return request -> forward(side, request, request.path());
    }

    /** Forwards to another path of the side: the gateway's names for the services' API documents. */
    public HandlerFunction<ServerResponse> to(Side side, String path) {
        return request -> forward(side, request, path);
    }

    private ServerResponse forward(Side side, ServerRequest original, String path) throws IOException {
        byte[] body = WITHOUT_BODY.contains(original.method()) ? new byte[0]
                : original.servletRequest().getInputStream().readAllBytes();
        // read once, sent by every attempt; bodies are small: the body limit refused larger ones before this
        original.attributes().put(HeadersTimedProxyExchange.REQUEST_BODY, body);
        // a copy of the request (its headers copied twice, each checked by the firewall) only where the path changes
        ServerRequest request = path.equals(original.path()) ? original : ServerRequest.from(original)
                .uri(UriComponentsBuilder.fromUri(original.uri()).replacePath(path).build(true).toUri())
                .build();
        Optional<String> affinity = side == Side.COMMAND
                ? AffinityKey.of(original.method().name(), path, body, json) : Optional.empty();
        boolean sendAgain = SendAgain.allowed(original);
        CircuitBreaker breaker = breakers.circuitBreaker(side.serviceId());
        if (!breaker.tryAcquirePermission()) {
            return unavailable.answer(original, "The " + side.serviceId() + " is failing; it is given time to "
                    + "recover before requests reach it again", openStateWait(breaker));
        }
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = tryNodes(side, original, request, path, affinity, sendAgain);
        } catch (RuntimeException notTheSides) {
            breaker.releasePermission();
            throw notTheSides;
        }
        long took = System.nanoTime() - started;
        if (outcome.sideFailure() == null) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, outcome.sideFailure());
        }
        return outcome.answer();
    }

    /**
     * Tries the nodes one after the other as far as the request allows. Only the last answer tells
     * whether the side failed the client: a failed attempt followed by a good answer from another node
     * is one request served, and one dead node of two must not count as half of the side failing.
     */
    private Outcome tryNodes(Side side, ServerRequest original, ServerRequest request, String path,
            Optional<String> affinity, boolean sendAgain) {
        Set<URI> tried = new LinkedHashSet<>();
        ServerResponse lastAnswer = null;
        Throwable lastFailure = null;
        while (tried.size() < Math.max(1, properties.maxAttempts())) {
            Optional<ServiceInstance> instance = choosers.get(side).choose(instances.healthy(side), affinity, tried);
            if (instance.isEmpty()) {
                break;
            }
            discard(request, lastAnswer);
            lastAnswer = null;
            URI node = instance.get().getUri();
            tried.add(node);
            request.attributes().put(MvcUtils.GATEWAY_REQUEST_URL_ATTR, node);
            try {
                ServerResponse answer = proxies.get(side).handle(request);
                int status = answer.statusCode().value();
                if (!answer.statusCode().is5xxServerError()) {
                    // a 4xx is the client's mistake, not the side's failure
                    return Outcome.served(answer);
                }
                lastFailure = new DownstreamFailed(node, status);
                if (sendAgain && isTransient(status)) {
                    lastAnswer = answer;
                    continue;
                }
                return new Outcome(answer, lastFailure);
            } catch (UncheckedIOException failed) {
                lastFailure = failed.getCause();
                // the exchange reports every failure to connect so, a timed-out connection included
                boolean neverSent = failed.getCause() instanceof ConnectException;
                log.warn("{} {} failed on {} ({}){}", original.method(), path, node, failed.getCause().toString(),
                        neverSent || sendAgain ? "; trying another node" : "; not sent again");
                if (!neverSent && !sendAgain) {
                    return new Outcome(unavailable.answer(original, "The " + side.serviceId() + " did not answer; the "
                            + "request may or may not have taken effect: repeat it with an Idempotency-Key to be sure "
                            + "it takes effect once", Duration.ofSeconds(1)), lastFailure);
                }
            }
        }
        if (lastAnswer != null) {
            return new Outcome(lastAnswer, lastFailure);
        }
        return new Outcome(unavailable.answer(original, "No node of the " + side.serviceId() + " is available",
                healthCheckInterval), lastFailure != null ? lastFailure : new NoNodeAvailable(side));
    }

    /** The services answer these when a store or the node itself is briefly unavailable. */
    private static boolean isTransient(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static Duration openStateWait(CircuitBreaker breaker) {
        return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    /** An answer that is not passed on still holds its connection to the node until its body is closed. */
    private static void discard(ServerRequest request, ServerResponse answer) {
        if (answer == null) {
            return;
        }
        Object body = request.attributes().remove(HeadersTimedProxyExchange.OPEN_BODY);
        if (body instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the connection is given up either way
            }
        }
    }

    /** What a client is answered, and why the side failed it (null when it did not). */
    private record Outcome(ServerResponse answer, Throwable sideFailure) {

        static Outcome served(ServerResponse answer) {
            return new Outcome(answer, null);
        }
    }

    /** No node of the side in the rotation: the side fails every request, as when all its nodes answer 5xx. */
    static final class NoNodeAvailable extends RuntimeException {

        NoNodeAvailable(Side side) {
            super("no node of the " + side.serviceId() + " is in the rotation", null, false, false);
        }
    }

    /** A 5xx answer, recorded by the breaker as a failure of the side. */
    static final class DownstreamFailed extends RuntimeException {

        DownstreamFailed(URI node, int status) {
            super(node + " answered " + status, null, false, false);
        }
    }
}
