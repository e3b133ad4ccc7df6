package io.ledgerline.gateway.websocket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** At most so many of something per key; a key that holds none is forgotten, so the map holds only keys in use. */
final class CountsPerKey {

    private final int limit;
    private final ConcurrentMap<String, Integer> held = new ConcurrentHashMap<>();

    CountsPerKey(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A cap must allow one at least");
        }
        this.limit = limit;
    }

    /** Whether {@link #tryTake} would succeed now; it decides for good. */
    boolean hasRoom(String key) {
        return held.getOrDefault(key, 0) < limit;
    }

    boolean tryTake(String key) {
        boolean[] taken = {false};
        held.compute(key, (ignored, now) -> {
            int count = now == null ? 0 : now;
            if (count >= limit) {
                return now;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    void release(String key) {
        held.computeIfPresent(key, (ignored, now) -> now <= 1 ? null : now - 1);
    }

    int heldBy(String key) {
        return held.getOrDefault(key, 0);
    }
}
