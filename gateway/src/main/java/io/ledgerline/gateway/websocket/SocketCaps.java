package io.ledgerline.gateway.websocket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relayed sockets the gateway holds: at most so many in all, at most so many per subject once the
 * subject is known (at its connection_init), and at most so many per client address while they await
 * their connection_init. Each relayed socket holds one on a query node, and without a bound one client
 * could take all of a node's live streams through the gateway; a socket without a token yet holds a
 * place under the gateway's cap until its connection_init or its timeout, and without a bound per
 * address one client could fill that cap with sockets that never authenticate.
 */
final class SocketCaps {

    private final int perGateway;
    private final AtomicInteger open = new AtomicInteger();
    private final CountsPerKey bySubject;
    private final CountsPerKey awaitingInitByAddress;

    SocketCaps(int perGateway, int perSubject, int awaitingInitPerAddress) {
        if (perGateway < 1) {
            throw new IllegalArgumentException("The socket caps must allow one socket at least");
        }
        this.perGateway = perGateway;
        this.bySubject = new CountsPerKey(perSubject);
        this.awaitingInitByAddress = new CountsPerKey(awaitingInitPerAddress);
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
        return bySubject.tryTake(subject);
    }

    void release(String subject) {
        bySubject.release(subject);
    }

    /** Whether an upgrade from this address may be accepted now; {@link #tryAwaitInit} decides for good. */
    boolean hasRoomToAwaitInit(String address) {
        return awaitingInitByAddress.hasRoom(address);
    }

    boolean tryAwaitInit(String address) {
        return awaitingInitByAddress.tryTake(address);
    }

    /** The socket's first message came, or the socket closed before it did. */
    void initAwaited(String address) {
        awaitingInitByAddress.release(address);
    }

    int open() {
        return open.get();
    }

    int heldBy(String subject) {
        return bySubject.heldBy(subject);
    }

    int awaitingInitFrom(String address) {
        return awaitingInitByAddress.heldBy(address);
    }
}
