package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.query.consistency.ConcurrencyQuota;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.support.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What every subscription shares with the server-sent event streams: a bounded number per subject and
 * per node (TOO_MANY_STREAMS, the live-updates settings), a bounded buffer for a client that reads too
 * slowly (then it ends, TOO_SLOW), and an end when the token it was opened with expires (TOKEN_EXPIRED):
 * past that the caller is no longer known.
 */
@Component
class LiveSubscriptions {

    private static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(30);

    private final ConcurrencyQuota quota;
    private final int buffer;
    private final Clock clock;

    LiveSubscriptions(Clock clock,
            @Value("${ledgerline.live-updates.max-per-subject:5}") int maxPerSubject,
            @Value("${ledgerline.live-updates.max-streams:1000}") int maxStreams,
            @Value("${ledgerline.live-updates.buffer:64}") int buffer) {
        this.clock = clock;
        this.buffer = buffer;
        this.quota = new ConcurrencyQuota(maxPerSubject, maxStreams, QueryErrors.TOO_MANY_STREAMS, "subscriptions");
    }

    /**
     * Bounds the updates for the current caller; called on the thread of the subscription's operation. Beyond
     * the caller's or the node's share the subscription ends at once with an error TOO_MANY_STREAMS.
     */
    <T> Flux<T> bounded(Flux<T> updates) {
        String subject = Caller.required().subject();
        Duration left = untilExpiry();
        // the permit is taken when the subscription starts and given back however it ends
        return Flux.using(() -> quota.acquire(subject), permit -> ended(updates, left), ConcurrencyQuota.Permit::release);
    }

    /**
     * Ends the updates at once, dropping whatever waits for the client, when the token expires or the client
     * falls behind: an overflow error of a buffer would wait behind the buffered updates, and a client that
     * stopped reading would hold its place forever.
     */
    private <T> Flux<T> ended(Flux<T> updates, Duration left) {
        AtomicReference<SubscriptionEnded> end = new AtomicReference<>();
        Sinks.One<Boolean> tooSlow = Sinks.one();
        Mono<Boolean> expired = Mono.delay(left).map(tick -> end.compareAndSet(null, new SubscriptionEnded(
                SubscriptionEnded.TOKEN_EXPIRED, "The token has expired; subscribe again with a new one")));
        return updates
                .onBackpressureBuffer(buffer, dropped -> {
                    end.compareAndSet(null, new SubscriptionEnded(SubscriptionEnded.TOO_SLOW,
                            "Updates came faster than the client read them; subscribe again"));
                    tooSlow.tryEmitValue(true);
                }, BufferOverflowStrategy.DROP_LATEST)
                .takeUntilOther(Flux.merge(tooSlow.asMono(), expired))
                .concatWith(Mono.defer(() -> end.get() == null ? Mono.empty() : Mono.error(end.get())));
    }

    private Duration untilExpiry() {
        Optional<Instant> expiresAt = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getExpiresAt()) : Optional.empty();
        Duration left = expiresAt.map(expiry -> Duration.between(clock.instant(), expiry)).orElse(WITHOUT_EXPIRY);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
