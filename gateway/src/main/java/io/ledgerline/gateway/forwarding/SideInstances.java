package io.ledgerline.gateway.forwarding;

import io.ledgerline.gateway.routing.Side;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * The healthy nodes of each side as of the last complete health-check round: every configured node
 * (spring.cloud.discovery.client.simple.instances, each name resolved to all its addresses when
 * {@link NodeAddresses} is told to) is asked for its readiness at once, and the list
 * changes only when all have answered or given up. Spring Cloud LoadBalancer's health-checked list
 * announces a round node by node, so between two of its announcements a side seemed to have one node
 * only, and an aggregate's commands went to another node for that moment. Requests read the last
 * list: a request never waits for a health check.
 *
 * <p>A node that answers not ready, or refuses the connection, leaves at once. One that answers too late
 * stays for {@value #LATE_ROUNDS_TOLERATED} rounds: a node loaded to its limit answers its readiness late
 * too, and dropping it at once turned its slow answers into 503s, the side's only node included.
 */
public class SideInstances implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SideInstances.class);
    // a node that accepts connections but never answers must not hold up the round
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
    static final int LATE_ROUNDS_TOLERATED = 2;

    private enum Readiness { READY, NOT_READY, LATE }

    private final Map<Side, AtomicReference<List<ServiceInstance>>> healthy = new EnumMap<>(Side.class);
    /** Per node, the rounds in a row it answered late; read and written by the rounds' thread only. */
    private final Map<URI, Integer> lateRounds = new HashMap<>();
    private final DiscoveryClient nodes;
    private final NodeAddresses addresses;
    private final Duration interval;
    private final String path;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gateway-health-checks");
        thread.setDaemon(true);
        return thread;
    });

    public SideInstances(DiscoveryClient nodes, NodeAddresses addresses, Duration interval, String path) {
        this.nodes = nodes;
        this.addresses = addresses;
        this.interval = interval;
        this.path = path;
        for (Side side : Side.values()) {
            healthy.put(side, new AtomicReference<>(List.of()));
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        rounds.scheduleWithFixedDelay(this::checkEveryNode, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<ServiceInstance> healthy(Side side) {
        return healthy.get(side).get();
    }

    private void checkEveryNode() {
        try {
            Set<URI> checked = new HashSet<>();
            for (Side side : Side.values()) {
                List<ServiceInstance> configured = addresses.of(nodes.getInstances(side.serviceId()));
                configured.forEach(node -> checked.add(node.getUri()));
                List<CompletableFuture<Readiness>> answers = configured.stream().map(this::isReady).toList();
                List<ServiceInstance> before = healthy.get(side).get();
                List<ServiceInstance> ready = new ArrayList<>();
                for (int i = 0; i < configured.size(); i++) {
                    if (staysIn(configured.get(i), answers.get(i).join(), before)) {
                        ready.add(configured.get(i));
                    }
                }
                healthy.get(side).set(List.copyOf(ready));
            }
            // a replica gone from the name's addresses is forgotten
            lateRounds.keySet().retainAll(checked);
        } catch (RuntimeException e) {
            // the next round tries again; a failed round must not end the schedule
            log.warn("A health-check round failed: {}", e.toString());
        }
    }

    private boolean staysIn(ServiceInstance node, Readiness readiness, List<ServiceInstance> before) {
        URI uri = node.getUri();
        if (readiness != Readiness.LATE) {
            lateRounds.remove(uri);
            return readiness == Readiness.READY;
        }
        int late = lateRounds.merge(uri, 1, Integer::sum);
        boolean wasIn = before.stream().anyMatch(known -> known.getUri().equals(uri));
        return wasIn && late <= LATE_ROUNDS_TOLERATED;
    }

    private CompletableFuture<Readiness> isReady(ServiceInstance node) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.getUri().toString() + path))
                .timeout(CHECK_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200 ? Readiness.READY : Readiness.NOT_READY)
                .exceptionally(SideInstances::readinessOf);
    }

    private static Readiness readinessOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? Readiness.LATE : Readiness.NOT_READY;
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
    }
}
