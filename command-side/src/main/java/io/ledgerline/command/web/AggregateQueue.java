package io.ledgerline.command.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Lets the REST commands on one aggregate through one at a time, in arrival order, before any of
 * them takes a database connection.
 *
 * <p>Axon's repository locks an aggregate only inside the unit of work, after the command's
 * transaction has begun: a command queued behind a busy account held a pooled connection while it
 * waited, so a few hot accounts drained the pool and commands the database could have served were
 * answered 503. Queued here, a waiting command holds a request thread and nothing else, and the
 * pool serves at most one command per aggregate. The wait is bounded by the holders ahead of it,
 * each of whose transactions PostgreSQL ends after the transaction timeout.
 *
 * <p>The queue is per node. Between nodes the event store's unique (aggregate, sequence) key stays
 * the arbiter: the loser of a cross-node race is retried by {@link CommandExecutor} or answered 409.
 */
@Component
class AggregateQueue {

    private final ConcurrentHashMap<String, Turn> turns = new ConcurrentHashMap<>();

    /** Runs {@code work} once every command on {@code aggregateId} that arrived earlier on this node is done. */
    <T> T inTurn(String aggregateId, Supplier<T> work) {
        Turn turn = turns.compute(aggregateId, (id, existing) -> (existing == null ? new Turn() : existing).join());
        try {
            turn.lock.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            leave(aggregateId, turn);
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("Interrupted while waiting for aggregate " + aggregateId, interrupted);
        }
        try {
            return work.get();
        } finally {
            turn.lock.unlock();
            leave(aggregateId, turn);
        }
    }

    /** How many aggregates have a command running or waiting: empty turns are dropped, so this stays small. */
    int aggregatesInUse() {
        return turns.size();
    }

    private void leave(String aggregateId, Turn turn) {
        turns.computeIfPresent(aggregateId, (id, existing) -> existing == turn && --existing.holders == 0 ? null : existing);
    }

    private static final class Turn {
        // fair, so a steady stream of new commands cannot starve one that has waited longest
        private final ReentrantLock lock = new ReentrantLock(true);
        // changed only inside the map's compute functions, which run one at a time per key
        private int holders;

        private Turn join() {
            holders++;
            return this;
        }
    }
}
