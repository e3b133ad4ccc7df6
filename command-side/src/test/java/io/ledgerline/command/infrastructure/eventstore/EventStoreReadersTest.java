package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The readers of the store (the Kafka publisher, the transfer saga) each read it on their own: one that stops
 * (a publisher waiting on Kafka) holds nothing the others read, one that waits is woken by this node's commits,
 * and events another node appends are seen at the next timed look.
 */
class EventStoreReadersTest {

    private static final Duration NEVER_LOOKS_AGAIN = Duration.ofMinutes(5);

    private final FreshMessages engine = new FreshMessages();
    private final ExecutorService readers = Executors.newSingleThreadExecutor();
    private EmbeddedEventStore store;

    @AfterEach
    void shutDown() {
        readers.shutdownNow();
        store.shutDown();
    }

    @Test
    void aReaderThatStopsReadingHoldsNothingTheOthersRead() throws Exception {
        store = store(Duration.ofMillis(100));
        store.publish(GenericEventMessage.asEventMessage("first"));
        TrackingEventStream reading = caughtUp(store.openStream(null));
        TrackingEventStream stopped = caughtUp(store.openStream(null));

        List<WeakReference<TrackedEventMessage<?>>> readEarly = new ArrayList<>();
        for (int batch = 0; batch < 200; batch++) {
            store.publish(IntStream.range(0, 100).mapToObj(i -> GenericEventMessage.asEventMessage("event " + i)).toList());
            if (batch == 0) {
                next(stopped);
            }
            for (int i = 0; i < 100; i++) {
                TrackedEventMessage<?> event = next(reading);
                if (readEarly.size() < 1_000) {
                    readEarly.add(new WeakReference<>(event));
                }
            }
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            System.gc();
            return readEarly.stream().allMatch(reference -> reference.get() == null);
        });
        assertThat(reading.hasNextAvailable()).isFalse();
        assertThat(stopped.hasNextAvailable()).isTrue();
    }

    @Test
    void aWaitingReaderIsWokenByACommitOfThisNodeWithoutWaitingForItsNextLook() throws Exception {
        store = store(NEVER_LOOKS_AGAIN);
        store.publish(GenericEventMessage.asEventMessage("first"));
        TrackingEventStream reader = caughtUp(store.openStream(null));

        Future<Boolean> waiting = waitingFor(reader);
        store.publish(GenericEventMessage.asEventMessage("committed"));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("committed");
    }

    @Test
    void aWaitingReaderSeesWhatAnotherNodeAppendedAtItsNextLook() throws Exception {
        store = store(Duration.ofMillis(100));
        store.publish(GenericEventMessage.asEventMessage("first"));
        TrackingEventStream reader = caughtUp(store.openStream(null));

        Future<Boolean> waiting = waitingFor(reader);
        // straight to the storage: nothing of this node commits, as when another node appends
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage("appended elsewhere")));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("appended elsewhere");
    }

    private CommitAwareEventStore store(Duration lookAgain) {
        return new CommitAwareEventStore(EventStoreConfiguration.privatelyReadStore(engine), lookAgain);
    }

    /** The reader's wait for its next event, with a bound far above what any wake-up takes, once it is waiting. */
    private Future<Boolean> waitingFor(TrackingEventStream reader) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            thread.set(Thread.currentThread());
            try {
                return reader.hasNextAvailable(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, readers);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> thread.get() != null && thread.get().getState() == Thread.State.TIMED_WAITING);
        return waiting;
    }

    /** Reads the first event, then finds nothing more: the reader has caught up with the store. */
    private static TrackingEventStream caughtUp(TrackingEventStream stream) throws InterruptedException {
        assertThat(next(stream).getPayload()).isEqualTo("first");
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private static TrackedEventMessage<?> next(TrackingEventStream stream) throws InterruptedException {
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).as("an event within 10 s").isTrue();
        return stream.nextAvailable();
    }

    /** Hands out new message objects at every read, as a database does; the in-memory engine would hand out its own. */
    private static final class FreshMessages implements EventStorageEngine {

        private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            stored.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            stored.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return stored.readEvents(token, mayBlock)
                    .map(event -> new GenericTrackedEventMessage<>(event.trackingToken(), event));
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return stored.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return stored.readSnapshot(aggregateIdentifier);
        }
    }
}
