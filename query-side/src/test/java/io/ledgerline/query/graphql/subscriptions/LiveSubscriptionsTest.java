package io.ledgerline.query.graphql.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.CallerAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class LiveSubscriptionsTest {

    private final LiveSubscriptions subscriptions = new LiveSubscriptions(Clock.systemUTC(), 2, 1000, 3);

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void endsWithTokenExpiredWhenTheTokenExpires() {
        signIn("expiring", Instant.now().plusMillis(300));
        AtomicReference<Throwable> ended = new AtomicReference<>();

        subscriptions.bounded(Flux.never()).subscribe(next -> { }, ended::set);

        await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() != null);
        assertThat(ended.get()).isInstanceOfSatisfying(SubscriptionEnded.class,
                end -> assertThat(end.code()).isEqualTo(SubscriptionEnded.TOKEN_EXPIRED));
    }

    @Test
    void completesWithoutErrorWhenTheUpdatesCompleteBeforeTheToken() {
        signIn("settled", Instant.now().plusSeconds(60));

        List<Integer> seen = subscriptions.bounded(Flux.just(1)).collectList().block(Duration.ofSeconds(5));

        assertThat(seen).containsExactly(1);
    }

    @Test
    void endsWithTooSlowWhenTheClientFallsMoreThanTheBufferBehind() {
        signIn("slow", Instant.now().plusSeconds(60));
        Sinks.Many<Integer> updates = Sinks.many().multicast().directBestEffort();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();

        // asks for one update and never for more
        subscriptions.bounded(updates.asFlux()).subscribe(new reactor.core.publisher.BaseSubscriber<Integer>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(Integer value) {
                seen.add(value);
            }

            @Override
            protected void hookOnError(Throwable failure) {
                ended.set(failure);
            }
        });
        for (int i = 0; i < 10; i++) {
            updates.tryEmitNext(i);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> ended.get() != null);
        assertThat(ended.get()).isInstanceOfSatisfying(SubscriptionEnded.class,
                end -> assertThat(end.code()).isEqualTo(SubscriptionEnded.TOO_SLOW));
        assertThat(seen).containsExactly(0);
    }

    @Test
    void refusesACallersThirdSubscriptionUntilOneEnds() {
        signIn("capped", Instant.now().plusSeconds(60));
        Disposable first = subscriptions.bounded(Flux.never()).subscribe();
        subscriptions.bounded(Flux.never()).subscribe();
        AtomicReference<Throwable> refused = new AtomicReference<>();

        subscriptions.bounded(Flux.never()).subscribe(next -> { }, refused::set);

        assertThat(refused.get()).isInstanceOfSatisfying(io.ledgerline.support.web.ApiException.class,
                failure -> assertThat(failure.code()).isEqualTo("TOO_MANY_STREAMS"));
        first.dispose();
        AtomicReference<Throwable> again = new AtomicReference<>();
        subscriptions.bounded(Flux.never()).subscribe(next -> { }, again::set);
        assertThat(again.get()).as("once one ended").isNull();
    }

    private static void signIn(String subject, Instant expiresAt) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(subject).issuedAt(expiresAt.minusSeconds(3600))
                .expiresAt(expiresAt).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, List.of(),
                new Caller(subject, Set.of("TELLER"), Optional.empty())));
    }
}
