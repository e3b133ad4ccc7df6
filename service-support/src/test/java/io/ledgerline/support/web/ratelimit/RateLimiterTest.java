package io.ledgerline.support.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.support.testing.SettableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final SettableClock clock = new SettableClock();

    @Nested
    class OneSubject {

        private final RateLimiter limiter = new RateLimiter(10, 20, 1_000, clock);

        @Test
        void letsABurstThroughThenRefusesWithTheTimeUntilTheNextToken() {
            IntStream.range(0, 20).forEach(i -> assertThat(limiter.take("ada").retryAfter()).as("request " + i).isEmpty());

            assertThat(limiter.take("ada").retryAfter()).contains(Duration.ofMillis(100));
        }

        @Test
        void refillsAtTheConfiguredRate() {
            IntStream.range(0, 20).forEach(i -> limiter.take("ada"));

            clock.advance(Duration.ofMillis(250));

            assertThat(limiter.take("ada").retryAfter()).isEmpty();
            assertThat(limiter.take("ada").retryAfter()).isEmpty();
            assertThat(limiter.take("ada").retryAfter()).isPresent();
        }

        @Test
        void neverHoldsMoreThanTheBurst() {
            clock.advance(Duration.ofHours(1));

            assertThat(IntStream.range(0, 25).mapToObj(i -> limiter.take("ada").retryAfter()).filter(Optional::isEmpty).count())
                    .isEqualTo(20);
        }

        @Test
        void tellsTheTokensLeftAndWhenTheBucketIsFullAgain() {
            IntStream.range(0, 4).forEach(i -> limiter.take("ada"));

            RateLimitDecision fifth = limiter.take("ada");

            assertThat(fifth.allowed()).isTrue();
            assertThat(fifth.limit()).isEqualTo(20);
            assertThat(fifth.remaining()).isEqualTo(15);
            assertThat(fifth.untilFull()).isEqualTo(Duration.ofMillis(500));
        }

        @Test
        void aRefusalLeavesNothingAndSaysWhenTheNextTokenComes() {
            IntStream.range(0, 20).forEach(i -> limiter.take("ada"));

            RateLimitDecision refused = limiter.take("ada");

            assertThat(refused.allowed()).isFalse();
            assertThat(refused.remaining()).isZero();
            assertThat(refused.untilFull()).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void aClockSetBackTakesNoTokensAway() {
            IntStream.range(0, 19).forEach(i -> limiter.take("ada"));

            clock.advance(Duration.ofMinutes(-5));

            assertThat(limiter.take("ada").retryAfter()).isEmpty();
            assertThat(limiter.take("ada").retryAfter()).isPresent();
        }
    }

    @Test
    void aRateBelowOneASecondRefillsOneTokenAtATime() {
        RateLimiter limiter = new RateLimiter(0.01, 3, 1_000, clock);
        IntStream.range(0, 3).forEach(i -> limiter.take("ada"));

        assertThat(limiter.take("ada").retryAfter()).contains(Duration.ofSeconds(100));
        clock.advance(Duration.ofSeconds(100));
        assertThat(limiter.take("ada").retryAfter()).isEmpty();
        assertThat(limiter.take("ada").retryAfter()).isPresent();
    }

    @Test
    void eachSubjectHasABucketOfItsOwn() {
        RateLimiter limiter = new RateLimiter(1, 1, 1_000, clock);

        assertThat(limiter.take("ada").retryAfter()).isEmpty();
        assertThat(limiter.take("ada").retryAfter()).isPresent();
        assertThat(limiter.take("grace").retryAfter()).isEmpty();
    }

    @Test
    void forgetsBucketsThatFilledUpAgain() {
        RateLimiter limiter = new RateLimiter(10, 10, 1_000, clock);
        IntStream.range(0, 100).forEach(i -> limiter.take("subject-" + i));

        clock.advance(Duration.ofSeconds(2));
        IntStream.range(0, 100).forEach(i -> limiter.take("fresh"));

        assertThat(limiter.trackedSubjects()).isEqualTo(1);
    }

    @Test
    void aFloodOfSubjectsCannotGrowTheMapBeyondItsBound() {
        RateLimiter limiter = new RateLimiter(1, 1, 500, clock);

        IntStream.range(0, 100_000).forEach(i -> limiter.take("flood-" + i));

        assertThat(limiter.trackedSubjects()).isEqualTo(500);
    }

    @Test
    void aSubjectThatKeepsSendingKeepsItsBucketDuringAFlood() {
        RateLimiter limiter = new RateLimiter(1, 1, 500, clock);
        assertThat(limiter.take("ada").retryAfter()).isEmpty();

        for (int i = 0; i < 10_000; i++) {
            limiter.take("flood-" + i);
            if (i % 100 == 0) {
                assertThat(limiter.take("ada").retryAfter()).as("ada is still over her limit").isPresent();
            }
        }
    }

    @RepeatedTest(20)
    void concurrentRequestsOfOneSubjectGetNoMoreThanTheBurst() throws Exception {
        // a full bucket forgotten as idle while a thread was about to take from it would be made anew,
        // and both would hand out a burst
        RateLimiter limiter = new RateLimiter(1, 50, 100_000, clock);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> IntStream.range(0, 100).forEach(i -> {
                    if (limiter.take("ada").allowed()) {
                        admitted.incrementAndGet();
                    }
                    limiter.take("other-" + i);
                })));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(admitted).hasValue(50);
    }
}
