package io.ledgerline.gateway.forwarding;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * The nodes behind the configured instances of a side, looked up again at every health-check round.
 * As configured, each instance is one node. Resolving every address, an instance whose host is a
 * name stands for every address the name resolves to: behind {@code docker compose up --scale
 * command-side=2}, compose's DNS answers the service's name with the address of each replica, so the
 * gateway finds every replica, and one that is added or removed later, without listing them. An
 * instance given by address, and a name of one address such as localhost, stays one node.
 */
public final class NodeAddresses {

    /** Looks a host name up; the seam that lets a test answer as compose's DNS would. */
    @FunctionalInterface
    public interface Resolver {

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The JVM's resolver: its cache keeps an answer for networkaddress.cache.ttl (30 s unless set). */
    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private static final Logger log = LoggerFactory.getLogger(NodeAddresses.class);

    private final Resolver resolver;

    private NodeAddresses(Resolver resolver) {
        this.resolver = resolver;
    }

    public static NodeAddresses asConfigured() {
        return new NodeAddresses(null);
    }

    public static NodeAddresses everyAddress(Resolver resolver) {
        return new NodeAddresses(resolver);
    }

    /** One instance per node, each once, in the configured order. */
    public List<ServiceInstance> of(List<ServiceInstance> configured) {
        if (resolver == null) {
            return configured;
        }
        Map<URI, ServiceInstance> nodes = new LinkedHashMap<>();
        for (ServiceInstance instance : configured) {
            for (ServiceInstance node : resolve(instance)) {
                nodes.putIfAbsent(node.getUri(), node);
            }
        }
        return List.copyOf(nodes.values());
    }

    private List<ServiceInstance> resolve(ServiceInstance instance) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(instance.getHost());
        } catch (UnknownHostException e) {
            // a scaled service with no replica running has no address: the side has no node until one starts
            log.warn("{} ({}) resolves to no address: no node of it this round", instance.getServiceId(), instance.getHost());
            return List.of();
        }
        List<ServiceInstance> nodes = new ArrayList<>();
        for (InetAddress address : addresses) {
            String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            nodes.add(new DefaultServiceInstance(instance.getServiceId() + "@" + host + ":" + instance.getPort(),
                    instance.getServiceId(), host, instance.getPort(), instance.isSecure(), instance.getMetadata()));
        }
        return nodes;
    }
}
