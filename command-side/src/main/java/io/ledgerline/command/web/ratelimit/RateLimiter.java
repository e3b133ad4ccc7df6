package io.ledgerline.command.web.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token bucket per subject. Memory stays bounded under a flood of subjects: buckets are kept
 * in least-recently-used order, each call forgets the idle ones at the old end (they have filled
 * up again, so forgetting them changes nothing), and beyond {@code maxSubjects} the least recently
 * used bucket goes even if it is not full.
 *
 * <p>Subjects are spread over stripes by hash, each with its own lock, order and share of the
 * bound: every command passes here, and with one lock for all of them request threads queued
 * behind a holder the scheduler had paused on a busy machine.
 */
public final class RateLimiter {

    /** How many idle buckets one call forgets at most, so that no single request pays for a sweep. */
    private static final int EVICTIONS_PER_CALL = 4;
    private static final int STRIPES = 16;
    private static final int MIN_SUBJECTS_PER_STRIPE = 64;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Stripe[] stripes;
    private final AtomicInteger sweeps = new AtomicInteger();

    public RateLimiter(double perSecond, int burst, int maxSubjects, Clock clock) {
        if (perSecond <= 0 || burst < 1 || maxSubjects < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate, a burst of at least 1 and room for a subject");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        // small bounds keep one stripe, so that the bound stays exact where a share would round it
        int count = Math.max(1, Math.min(STRIPES, maxSubjects / MIN_SUBJECTS_PER_STRIPE));
        this.stripes = new Stripe[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe(maxSubjects / count + (i < maxSubjects % count ? 1 : 0));
        }
    }

    /** @return empty when the subject may go ahead; otherwise how long it should wait */
    public Optional<Duration> acquire(String subject) {
        long now = clock.millis();
        Stripe own = stripeOf(subject);
        long waitMillis = own.take(subject, now);
        // subjects that went quiet in other stripes are forgotten too, one stripe per call, never waiting for it
        Stripe next = stripes[Math.floorMod(sweeps.getAndIncrement(), stripes.length)];
        if (next != own) {
            next.forgetIdleBucketsIfFree(now);
        }
        return waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }

    int trackedSubjects() {
        int tracked = 0;
        for (Stripe stripe : stripes) {
            tracked += stripe.size();
        }
        return tracked;
    }

    private Stripe stripeOf(String subject) {
        return stripes[Math.floorMod(subject.hashCode(), stripes.length)];
    }

    private final class Stripe {

        private final Map<String, TokenBucket> buckets;

        Stripe(int maxSubjects) {
            this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                    return size() > maxSubjects;
                }
            };
        }

        private final ReentrantLock lock = new ReentrantLock();

        long take(String subject, long now) {
            lock.lock();
            try {
                forgetIdleBuckets(now);
                return buckets.computeIfAbsent(subject, any -> new TokenBucket(perSecond, burst, now)).take(now);
            } finally {
                lock.unlock();
            }
        }

        void forgetIdleBucketsIfFree(long now) {
            if (lock.tryLock()) {
                try {
                    forgetIdleBuckets(now);
                } finally {
                    lock.unlock();
                }
            }
        }

        int size() {
            lock.lock();
            try {
                return buckets.size();
            } finally {
                lock.unlock();
            }
        }

        private void forgetIdleBuckets(long now) {
            Iterator<TokenBucket> oldestFirst = buckets.values().iterator();
            for (int i = 0; i < EVICTIONS_PER_CALL && oldestFirst.hasNext(); i++) {
                if (!oldestFirst.next().isFull(now)) {
                    return;
                }
                oldestFirst.remove();
            }
        }
    }
}
