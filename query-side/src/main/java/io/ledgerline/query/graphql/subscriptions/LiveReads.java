package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.query.consistency.ProjectionNotifications;
import io.ledgerline.query.projection.Projected;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A read model's item now and after each change to it that a projection commits, on whichever node
 * projected it: the PostgreSQL NOTIFY reaches every node. A change is read once, on one reader thread,
 * and handed to every subscriber of the item, however many there are; an item nobody follows is not read.
 */
@Component
class LiveReads implements DisposableBean {

    static final String ACCOUNT = "account";
    static final String TRANSFER = "transfer";
    private static final List<String> KINDS = List.of(ACCOUNT, TRANSFER);

    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Scheduler reader = Schedulers.newSingle("graphql-live-reads", true);

    @Autowired
    LiveReads(ProjectionNotifications notifications) {
        this(notifications::subscribe);
    }

    /** @param notifications takes the handler of every committed change */
    LiveReads(Consumer<Consumer<Projected>> notifications) {
        notifications.accept(this::projected);
    }

    /**
     * @param kind what the aggregate is, so that two read models of one aggregate are followed apart
     * @param read the item as it is now, empty while it is not projected; the same for every caller, since
     *             the first subscriber's read serves all of them (what a caller may see is decided after it)
     */
    <T> Flux<T> follow(String kind, String aggregateId, Supplier<Optional<T>> read) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("Not a followed kind: " + kind);
        }
        String key = kind + ':' + aggregateId;
        return Flux.defer(() -> {
            Feed feed = feeds.compute(key, (id, existing) -> (existing == null ? new Feed(read) : existing).joined());
            @SuppressWarnings("unchecked")
            Flux<T> changes = (Flux<T>) feed.changes.asFlux();
            // the changes are subscribed first, so that nothing committed between the two is missed
            return Flux.merge(changes, Mono.fromCallable(() -> read.get().orElse(null)).subscribeOn(reader))
                    .doFinally(signal -> feeds.computeIfPresent(key, (id, existing) -> existing.left()));
        });
    }

    private void projected(Projected projected) {
        for (String kind : KINDS) {
            Feed feed = feeds.get(kind + ':' + projected.aggregateId());
            if (feed != null) {
                reader.schedule(() -> feed.read.get().ifPresent(item -> feed.changes.tryEmitNext(item)));
            }
        }
    }

    @Override
    public void destroy() {
        feeds.values().forEach(feed -> feed.changes.tryEmitError(new SubscriptionEnded(SubscriptionEnded.SHUTTING_DOWN,
                "This node is shutting down; subscribe again")));
        reader.dispose();
    }

    private static final class Feed {

        private final Supplier<? extends Optional<?>> read;
        // best effort: a subscriber that cannot take an update gets none, and its own buffer decides what follows
        private final Sinks.Many<Object> changes = Sinks.many().multicast().directBestEffort();
        private int subscribers;

        Feed(Supplier<? extends Optional<?>> read) {
            this.read = read;
        }

        Feed joined() {
            subscribers++;
            return this;
        }

        Feed left() {
            subscribers--;
            return subscribers == 0 ? null : this;
        }
    }
}
