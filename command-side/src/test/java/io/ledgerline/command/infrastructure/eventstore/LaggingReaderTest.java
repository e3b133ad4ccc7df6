package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * A reader of the store that stops reading (a publisher waiting on Kafka, a saga on a slow batch) must not keep
 * every event the store's shared cache reads meanwhile for long: over a backlog the cache reads thousands of
 * events a second, and Axon checks for readers left behind every 10 s by default.
 */
class LaggingReaderTest {

    private static final int CACHED = 1_000;
    private static final int BATCHES = 200;
    private static final int BATCH = 100;

    private final EmbeddedEventStore store = EventStoreConfiguration.tailedStore(new FreshMessages(),
            new EventStoreProperties(Duration.ofMillis(100), Duration.ofSeconds(40), Duration.ofMinutes(2), 100_000,
                    Duration.ofMillis(500))).cachedEvents(CACHED).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aReaderThatStopsReadingHoldsWhatTheCacheReadSinceOnlyUntilItIsFoundBehind() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"));
        TrackingEventStream reading = tailing(store.openStream(null));
        TrackingEventStream stopped = tailing(store.openStream(null));

        List<WeakReference<TrackedEventMessage<?>>> readEarly = new ArrayList<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            store.publish(IntStream.range(0, BATCH).mapToObj(i -> GenericEventMessage.asEventMessage("event " + i)).toList());
            if (batch == 0) {
                next(stopped);
            }
            // in step with the store, so that this reader takes every event from the shared cache
            for (int i = 0; i < BATCH; i++) {
                TrackedEventMessage<?> event = next(reading);
                if (readEarly.size() < CACHED) {
                    readEarly.add(new WeakReference<>(event));
                }
            }
        }

        // long before Axon's own check (10 s after the cache started), the stopped reader lets the early events go
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100)).until(() -> {
            System.gc();
            return readEarly.stream().allMatch(reference -> reference.get() == null);
        });
        assertThat(reading.hasNextAvailable()).isFalse();
    }

    /** Reads the first event on its own stream, then tails the store's shared cache, as a caught-up processor does. */
    private static TrackingEventStream tailing(TrackingEventStream stream) throws InterruptedException {
        assertThat(next(stream).getPayload()).isEqualTo("first");
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    /**
     * The next event, asked for in short waits as a tracking processor asks: a reader of the cache checks for a
     * next event before it waits for one, and a signal given in between is lost, so an endless wait can hang.
     */
    private static TrackedEventMessage<?> next(TrackingEventStream stream) throws InterruptedException {
        for (int wait = 0; !stream.hasNextAvailable(50, TimeUnit.MILLISECONDS); wait++) {
            assertThat(wait).as("waits of 50 ms for the next event").isLessThan(600);
        }
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
