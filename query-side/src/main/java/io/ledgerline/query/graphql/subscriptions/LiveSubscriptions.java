package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.query.consistency.ConcurrencyQuota;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.support.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
        AtomicBoolean expired = new AtomicBoolean();
        // the permit is taken when the subscription starts and given back however it ends
        return Flux.using(() -> quota.acquire(subject), permit -> updates
                .onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.ERROR)
                .onErrorMap(Exceptions::isOverflow, overflow -> new SubscriptionEnded(SubscriptionEnded.TOO_SLOW,
                        "Updates came faster than the client read them; subscribe again"))
                .takeUntilOther(Mono.delay(left).doOnNext(tick -> expired.set(true)))
                .concatWith(Mono.defer(() -> expired.get() ? Mono.error(new SubscriptionEnded(
                        SubscriptionEnded.TOKEN_EXPIRED, "The token has expired; subscribe again with a new one"))
                        : Mono.empty())), ConcurrencyQuota.Permit::release);
    }

    private Duration untilExpiry() {
        Optional<Instant> expiresAt = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getExpiresAt()) : Optional.empty();
        Duration left = expiresAt.map(expiry -> Duration.between(clock.instant(), expiry)).orElse(WITHOUT_EXPIRY);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
