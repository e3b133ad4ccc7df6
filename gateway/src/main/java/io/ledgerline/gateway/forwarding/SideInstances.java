package io.ledgerline.gateway.forwarding;

import io.ledgerline.gateway.routing.Side;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * The healthy instances of each side as of the last health-check round. Requests read the last list
 * instead of waiting on the supplier: a request never waits for a health check.
 */
public class SideInstances implements SmartInitializingSingleton, DisposableBean {

    private final Map<Side, AtomicReference<List<ServiceInstance>>> healthy = new EnumMap<>(Side.class);
    private final Disposable.Composite subscriptions = Disposables.composite();
    private final LoadBalancerClientFactory loadBalancers;

    public SideInstances(LoadBalancerClientFactory loadBalancers) {
        this.loadBalancers = loadBalancers;
        for (Side side : Side.values()) {
            healthy.put(side, new AtomicReference<>(List.of()));
        }
    }

    /**
     * Each side's load-balancer context is a child context, whose refresh is announced to this
     * context's listeners: started once every bean here exists, so none of them is asked for early.
     */
    @Override
    public void afterSingletonsInstantiated() {
        for (Side side : Side.values()) {
            AtomicReference<List<ServiceInstance>> instances = healthy.get(side);
            ServiceInstanceListSupplier supplier = loadBalancers.getInstance(side.serviceId(), ServiceInstanceListSupplier.class);
            subscriptions.add(supplier.get().subscribe(list -> instances.set(List.copyOf(list))));
        }
    }

    public List<ServiceInstance> healthy(Side side) {
        return healthy.get(side).get();
    }

    @Override
    public void destroy() {
        subscriptions.dispose();
    }
}
