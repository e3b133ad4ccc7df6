package io.ledgerline.command.infrastructure.aggregatecache;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository that decides nothing on an entry the store has moved past.
 *
 * <p>Another node may have booked on an aggregate since this node cached it. A command that appends
 * on the stale entry is refused by the store's unique (aggregate, sequence) key and retried, but a
 * command that is refused by a rule appends nothing: a withdrawal, or a transfer's debit, would be
 * turned down as insufficient funds on a balance the account no longer has, and the transfer failed
 * for good. So a cached aggregate is used only while its version is the last sequence number the
 * store holds for it, one look-up on the store's (aggregate, sequence) key in place of reading the
 * snapshot and the events after it. Appends racing that look-up are still refused by the key.
 */
public class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private StoreCheckedCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
    }

    /** @param builder the repository as it would be without a cache (aggregate factory, snapshot trigger, handlers) */
    public static <T> StoreCheckedCachingRepository<T> of(EventSourcingRepository.Builder<T> builder, EventStore eventStore,
            Cache cache) {
        return new StoreCheckedCachingRepository<>(builder.eventStore(eventStore).cache(cache), eventStore, cache);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        // the repository's lock on the aggregate is held: no other command of this node takes the entry in between
        if (cache.containsKey(aggregateIdentifier)) {
            Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
            EventSourcedAggregate<T> cached = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            if (Objects.equals(stored, cached.version())) {
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
