package io.ledgerline.gateway.websocket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relayed sockets the gateway holds: at most so many in all, and at most so many per subject once
 * the subject is known (at its connection_init). Each relayed socket holds one on a query node, and
 * without a bound one client could take all of a node's live streams through the gateway.
 */
final class SocketCaps {

    private final int perGateway;
    private final int perSubject;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentMap<String, Integer> bySubject = new ConcurrentHashMap<>();

    SocketCaps(int perGateway, int perSubject) {
        if (perGateway < 1 || perSubject < 1) {
            throw new IllegalArgumentException("The socket caps must allow one socket at least");
        }
        this.perGateway = perGateway;
        this.perSubject = perSubject;
    }

    /** Whether an upgrade may be accepted now; {@link #tryOpen()} decides for good once the socket is open. */
    boolean hasRoom() {
        return open.get() < perGateway;
    }

    boolean tryOpen() {
        while (true) {
            int now = open.get();
            if (now >= perGateway) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void closed() {
        open.updateAndGet(now -> Math.max(0, now - 1));
    }

    boolean tryAdmit(String subject) {
        boolean[] admitted = {false};
        bySubject.compute(subject, (key, now) -> {
            int held = now == null ? 0 : now;
            if (held >= perSubject) {
                return now;
            }
            admitted[0] = true;
            return held + 1;
        });
        return admitted[0];
    }

    void release(String subject) {
        bySubject.computeIfPresent(subject, (key, now) -> now <= 1 ? null : now - 1);
    }

    int open() {
        return open.get();
    }

    int heldBy(String subject) {
        return bySubject.getOrDefault(subject, 0);
    }
}
