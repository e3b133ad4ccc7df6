package io.ledgerline.command.infrastructure.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The Kafka sends of one batch of the publisher whose acknowledgements are still outstanding. The
 * batch's unit of work commits, and with it the processor's token, only after every one of them
 * was acknowledged; one that fails or does not come in time rolls the batch back.
 */
final class PendingAcknowledgements {

    private static final String RESOURCE = PendingAcknowledgements.class.getName();

    private final List<CompletableFuture<?>> sends = new ArrayList<>();
    private final Duration timeout;

    private PendingAcknowledgements(Duration timeout) {
        this.timeout = timeout;
    }

    /** Those of the batch the unit of work belongs to; the first call of a batch makes its commit wait for them. */
    static PendingAcknowledgements of(UnitOfWork<?> unitOfWork, Duration timeout) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(RESOURCE, key -> {
            PendingAcknowledgements pending = new PendingAcknowledgements(timeout);
            batch.onPrepareCommit(committing -> pending.awaitAll());
            return pending;
        });
    }

    void add(CompletableFuture<?> send) {
        sends.add(send);
    }

    /** Rethrows the failure of a send that has already failed, without waiting for the others. */
    void failIfAnyFailed() throws ExecutionException, InterruptedException {
        for (CompletableFuture<?> send : sends) {
            if (send.isCompletedExceptionally()) {
                send.get();
            }
        }
    }

    /** In send order, within one timeout for the whole batch: the batch is as late as its slowest record. */
    void awaitAll() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (CompletableFuture<?> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException failed) {
            throw new PublicationFailed("Kafka refused a record of the batch", failed.getCause());
        } catch (TimeoutException late) {
            throw new PublicationFailed("Kafka did not acknowledge the batch within " + timeout, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PublicationFailed("Interrupted while waiting for Kafka's acknowledgements", interrupted);
        }
    }
}
