package io.ledgerline.command.infrastructure.eventstore;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts this node's commits of new events, for the readers of the store that wait for the next one. A
 * reader notes the count before it looks at the store: a commit that lands between its look and its wait
 * has changed the count, so it does not wait for a signal already given.
 */
final class CommitSignal {

    private final Lock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    void committed() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code nanos} for a commit after the count {@code seen}; true when there was one. */
    boolean awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (commits == seen) {
                if (left <= 0) {
                    return false;
                }
                left = committed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
