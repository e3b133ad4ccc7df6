package io.ledgerline.command.infrastructure.eventstore;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

/**
 * A reader's own stream of the store, which looks at the database again as soon as this node commits new
 * events, and otherwise every {@code lookAgainNanos} (for events other nodes append).
 *
 * <p>Axon's private stream asks the database again each time it is asked and has nothing, but while it
 * waits it can be woken only by the store's shared cache, which is not used here (see
 * {@link EventStoreConfiguration#tailedStore}); without this, a reader saw a commit only when its
 * processor asked again, up to a second later.
 */
final class CommitWokenStream implements TrackingEventStream {

    private final TrackingEventStream stored;
    private final CommitSignal commits;
    private final long lookAgainNanos;

    CommitWokenStream(TrackingEventStream stored, CommitSignal commits, long lookAgainNanos) {
        this.stored = stored;
        this.commits = commits;
        this.lookAgainNanos = lookAgainNanos;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return stored.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long seen = commits.commits();
            if (stored.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            commits.awaitCommitAfter(seen, Math.min(left, lookAgainNanos));
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // an endless wait that ended without an event: wait again
        }
        return stored.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        stored.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        stored.close();
    }
}
