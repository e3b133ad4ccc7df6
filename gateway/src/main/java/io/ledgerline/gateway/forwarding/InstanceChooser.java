package io.ledgerline.gateway.forwarding;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Picks a node for one attempt. A request of one aggregate goes to the node with the highest score
 * for its key (rendezvous hashing): the same node while it is healthy, and when it leaves only its
 * own keys move, each to the node with its next-highest score, while every other key stays where it
 * was. Requests without a key take turns.
 */
public final class InstanceChooser {

    private final AtomicInteger turn = new AtomicInteger();

    public Optional<ServiceInstance> choose(List<ServiceInstance> healthy, Optional<String> affinityKey, Collection<URI> tried) {
        List<ServiceInstance> candidates = healthy.stream()
                .filter(instance -> !tried.contains(instance.getUri()))
                .sorted(Comparator.comparing(instance -> instance.getUri().toString()))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (affinityKey.isPresent()) {
            String key = affinityKey.get();
            return candidates.stream().max(Comparator.comparingLong(instance -> score(key, instance)));
        }
        return Optional.of(candidates.get(Math.floorMod(turn.getAndIncrement(), candidates.size())));
    }

    /** A well-mixed hash of key and node: String.hashCode would give neighbouring ids neighbouring scores. */
    static long score(String key, ServiceInstance instance) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(instance.getUri().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
