package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ConcurrencyQuota;
import io.ledgerline.query.consistency.ProjectionNotifications;
import io.ledgerline.query.projection.Projected;
import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events per account: the account's state now, then again each time a change to it
 * is committed by the projection, on whichever node projected it. A change is read once and sent
 * to every stream of the account. Streams are bounded in number per subject and per node, and
 * each ends when the token it was opened with expires: past that the caller is no longer known.
 */
@Component
class AccountLiveUpdates implements DisposableBean {

    static final String EVENT_NAME = "account";
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<LiveStream>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("account-live-updates"));
    // a thread per stream that is being written to, so that a blocked write holds up no other stream
    private final ExecutorService writers = Executors.newCachedThreadPool(daemon("account-live-updates-writer"));
    // token expiries and heartbeats
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(
            daemon("account-live-updates-timer"));

    private final AccountViewRepository accounts;
    private final ConcurrencyQuota quota;
    private final int buffer;
    private final Clock clock;
    private final TraceContext traces;

    AccountLiveUpdates(ProjectionNotifications notifications, AccountViewRepository accounts, Clock clock, TraceContext traces,
            @Value("${ledgerline.live-updates.max-per-subject:5}") int maxPerSubject,
            @Value("${ledgerline.live-updates.max-streams:1000}") int maxStreams,
            @Value("${ledgerline.live-updates.buffer:64}") int buffer,
            @Value("${ledgerline.live-updates.heartbeat:15s}") Duration heartbeat) {
        this.accounts = accounts;
        this.clock = clock;
        this.traces = traces;
        this.buffer = buffer;
        this.quota = new ConcurrencyQuota(maxPerSubject, maxStreams, TOO_MANY_STREAMS, "live update streams");
        notifications.subscribe(this::projected);
        expiries.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param expiresAt when the caller's token expires; empty when it does not
     * @throws io.ledgerline.support.web.ApiException 429 or 503 {@link #TOO_MANY_STREAMS} beyond the bounds
     */
    SseEmitter subscribe(String accountId, String subject, Optional<Instant> expiresAt) {
        ConcurrencyQuota.Permit permit = quota.acquire(subject);
        Duration left = expiresAt.map(expiry -> Duration.between(clock.instant(), expiry)).orElse(STREAM_TIMEOUT);
        left = left.isNegative() ? Duration.ZERO : left;
        // the emitter's own timeout only backs up the expiry, which ends the stream with a last event
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.compareTo(left) < 0 ? STREAM_TIMEOUT.toMillis()
                : left.plusSeconds(5).toMillis());
        LiveStream stream = new LiveStream(emitter, buffer, writers);
        subscribers.compute(accountId, (id, streams) -> {
            Set<LiveStream> all = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            all.add(stream);
            return all;
        });
        ScheduledFuture<?> expiry = expiries.schedule(() -> stream.end(LiveStream.TOKEN_EXPIRED), left.toMillis(),
                TimeUnit.MILLISECONDS);
        Runnable remove = () -> {
            subscribers.computeIfPresent(accountId, (id, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
            expiry.cancel(false);
            permit.release();
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        read(() -> accounts.findById(accountId).map(AccountResponse::of)
                .ifPresent(account -> stream.offer(EVENT_NAME, account)));
        return emitter;
    }

    private void projected(Projected projected) {
        Set<LiveStream> streams = subscribers.get(projected.aggregateId());
        if (streams != null && !streams.isEmpty()) {
            // one read of the changed account, whatever the number of its streams
            read(() -> accounts.findById(projected.aggregateId()).map(AccountResponse::of)
                    .ifPresent(account -> streams.forEach(stream -> stream.offer(EVENT_NAME, account, sending(projected)))));
        }
    }

    /** A span in the trace of the change, from the read of the account to the update's send to one client. */
    private Span sending(Projected projected) {
        if (projected.traceparent() == null) {
            // an untraced change (a rebuild, an event published before tracing) starts no trace of its own
            return Span.NOOP;
        }
        return traces.startSpan("live update " + EVENT_NAME, Span.Kind.PRODUCER, projected.traceparent());
    }

    /** Finds the streams whose clients went away, so that they give their place back. */
    private void heartbeat() {
        subscribers.values().forEach(streams -> streams.forEach(LiveStream::heartbeat));
    }

    private void read(Runnable task) {
        try {
            reader.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // the streams are being ended
        }
    }

    @Override
    public void destroy() {
        subscribers.values().forEach(streams -> streams.forEach(stream -> stream.end(LiveStream.SHUTTING_DOWN)));
        reader.shutdownNow();
        expiries.shutdownNow();
        writers.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
