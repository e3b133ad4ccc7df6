package io.ledgerline.query.reconciliation;

import io.ledgerline.query.projection.Projected;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes a reconciliation that waits for lagging accounts when the SQL projection announces that one of them reached
 * the version awaited. The announcements are the commit notifications read-your-writes waits on
 * ({@code ProjectionNotifications}): they come from every query node, whichever projected the account.
 */
class CatchUpSignals {

    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition announced = lock.newCondition();
    private final Set<String> arrived = new HashSet<>();

    /** From then on, an announcement of the account at {@code version} or later is an arrival. */
    void await(String accountId, long version) {
        awaited.put(accountId, version);
    }

    void forget(String accountId) {
        awaited.remove(accountId);
    }

    boolean awaits(String accountId) {
        return awaited.containsKey(accountId);
    }

    void projected(Projected projected) {
        Long version = awaited.get(projected.aggregateId());
        if (version == null || projected.version() < version) {
            return;
        }
        lock.lock();
        try {
            arrived.add(projected.aggregateId());
            announced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The awaited accounts announced since the last call; if none was, waits up to {@code atMost} for the first.
     *
     * @return empty when {@code atMost} passed without an announcement
     */
    Set<String> arrivals(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.NANOSECONDS.convert(atMost);
            while (arrived.isEmpty() && left > 0) {
                left = announced.awaitNanos(left);
            }
            Set<String> arrivals = Set.copyOf(arrived);
            arrived.clear();
            return arrivals;
        } finally {
            lock.unlock();
        }
    }
}
