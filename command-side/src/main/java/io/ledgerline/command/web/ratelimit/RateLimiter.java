package io.ledgerline.command.web.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One token bucket per subject. Memory stays bounded under a flood of subjects: buckets are kept
 * in least-recently-used order, each call forgets the idle ones at the old end (they have filled
 * up again, so forgetting them changes nothing), and beyond {@code maxSubjects} the least recently
 * used bucket goes even if it is not full.
 */
public final class RateLimiter {

    /** How many idle buckets one call forgets at most, so that no single request pays for a sweep. */
    private static final int EVICTIONS_PER_CALL = 4;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets;

    public RateLimiter(double perSecond, int burst, int maxSubjects, Clock clock) {
        if (perSecond <= 0 || burst < 1 || maxSubjects < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate, a burst of at least 1 and room for a subject");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxSubjects;
            }
        };
    }

    /** @return empty when the subject may go ahead; otherwise how long it should wait */
    public synchronized Optional<Duration> acquire(String subject) {
        long now = clock.millis();
        forgetIdleBuckets(now);
        long waitMillis = buckets.computeIfAbsent(subject, any -> new TokenBucket(perSecond, burst, now)).take(now);
        return waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }

    synchronized int trackedSubjects() {
        return buckets.size();
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
