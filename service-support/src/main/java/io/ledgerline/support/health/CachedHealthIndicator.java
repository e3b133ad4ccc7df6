package io.ledgerline.support.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Answers from the last check for a short time. Health needs no token, so without this every
 * anonymous call would be a call to Kafka, Elasticsearch or the database, each of which may wait
 * seconds for a timeout: a flood of health calls would pin every request thread. One caller at a
 * time checks again once the answer is stale; the others get the last answer instead of waiting.
 */
public class CachedHealthIndicator implements HealthIndicator, AutoCloseable {

    private final HealthIndicator delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Checked last;

    private record Checked(Health health, Instant at) {
    }

    public CachedHealthIndicator(HealthIndicator delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Checked known = last;
        if (known != null && fresh(known)) {
            return known.health();
        }
        if (known == null) {
            checking.lock();
        } else if (!checking.tryLock()) {
            return known.health();
        }
        try {
            Checked current = last;
            if (current != null && fresh(current)) {
                return current.health();
            }
            Health health = delegate.health();
            last = new Checked(health, clock.instant());
            return health;
        } finally {
            checking.unlock();
        }
    }

    private boolean fresh(Checked checked) {
        return clock.instant().isBefore(checked.at().plus(timeToLive));
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
