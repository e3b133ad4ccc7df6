package io.ledgerline.command.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets only as many REST commands work at once on this node as the connection pool can serve while
 * keeping a few connections free for the saga, the Kafka publisher and the audit reads.
 *
 * <p>Without it, more concurrent commands than connections (64 clients on as many accounts) waited
 * in the pool's queue, and under load the pool's short checkout timeout, meant to answer 503 fast
 * when the database is gone, answered 503 to commands that were only waiting their turn. Queued
 * here, in arrival order, a busy node makes a command wait; only a database that does not answer
 * makes it fail.
 */
@Component
class CommandAdmission {

    private final Semaphore permits;
    private final AtomicInteger waitingOrRunning = new AtomicInteger();

    @Autowired
    CommandAdmission(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
            @Value("${ledgerline.commands.connections-kept-free:4}") int connectionsKeptFree) {
        // fair, so a steady stream of new commands cannot starve one that has waited longest
        this.permits = new Semaphore(Math.max(1, poolSize - connectionsKeptFree), true);
    }

    <T> T admitted(Supplier<T> work) {
        waitingOrRunning.incrementAndGet();
        try {
            permits.acquire();
        } catch (InterruptedException interrupted) {
            waitingOrRunning.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("Interrupted while waiting for a database connection", interrupted);
        }
        try {
            return work.get();
        } finally {
            permits.release();
            waitingOrRunning.decrementAndGet();
        }
    }

    /** Commands admitted or waiting on this node. */
    int waitingOrRunning() {
        return waitingOrRunning.get();
    }
}
