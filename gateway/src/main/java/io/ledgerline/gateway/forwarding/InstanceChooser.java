package io.ledgerline.gateway.forwarding;

import java.net.URI;
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

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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

    /**
     * A well-mixed hash of node and key: String.hashCode would give neighbouring ids neighbouring scores.
     * FNV-1a over both, then MurmurHash3's 64-bit finalizer, which spreads every input bit over all
     * output bits. A SHA-256 digest per node and request did the same for a few per cent of the CPU of a
     * forwarded command; the scores need no secrecy, only an even spread.
     */
    static long score(String key, ServiceInstance instance) {
        long hash = FNV_OFFSET_BASIS;
        hash = fnv1a(hash, instance.getUri().toString());
        // a separator, so that node "a" with key "bc" and node "ab" with key "c" do not meet
        hash = (hash ^ 0xff) * FNV_PRIME;
        return finalizer(fnv1a(hash, key));
    }

    private static long fnv1a(long hash, String text) {
        long result = hash;
        for (int i = 0; i < text.length(); i++) {
            result = (result ^ text.charAt(i)) * FNV_PRIME;
        }
        return result;
    }

    private static long finalizer(long hash) {
        long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return mixed ^ (mixed >>> 33);
    }
}
