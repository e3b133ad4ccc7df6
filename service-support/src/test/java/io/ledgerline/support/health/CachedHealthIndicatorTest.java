package io.ledgerline.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.support.testing.SettableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

class CachedHealthIndicatorTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final SettableClock clock = new SettableClock();
    private final AtomicInteger checks = new AtomicInteger();
    private final HealthIndicator counting = () -> Health.up().withDetail("check", checks.incrementAndGet()).build();

    @Test
    void answersFromTheLastCheckWithinTheTimeToLive() {
        HealthIndicator cached = new CachedHealthIndicator(counting, TTL, clock);

        cached.health();
        clock.advance(TTL.minusMillis(1));
        Health second = cached.health();

        assertThat(checks).hasValue(1);
        assertThat(second.getDetails()).containsEntry("check", 1);
    }

    @Test
    void checksAgainOnceTheTimeToLiveIsOver() {
        HealthIndicator cached = new CachedHealthIndicator(counting, TTL, clock);

        cached.health();
        clock.advance(TTL);

        assertThat(cached.health().getDetails()).containsEntry("check", 2);
    }

    @Test
    void callersDuringASlowCheckGetTheLastAnswerInsteadOfWaiting() throws Exception {
        CountDownLatch slowCheckStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        HealthIndicator slowSecondTime = () -> {
            if (calls.incrementAndGet() == 2) {
                slowCheckStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Health.down().build();
            }
            return Health.up().build();
        };
        HealthIndicator cached = new CachedHealthIndicator(slowSecondTime, TTL, clock);
        cached.health();
        clock.advance(TTL);

        CompletableFuture<Health> slow = CompletableFuture.supplyAsync(cached::health);
        assertThat(slowCheckStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Health meanwhile = CompletableFuture.supplyAsync(cached::health).get(2, TimeUnit.SECONDS);
        release.countDown();

        assertThat(meanwhile.getStatus()).isEqualTo(Status.UP);
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
        assertThat(calls).hasValue(2);
    }
}
