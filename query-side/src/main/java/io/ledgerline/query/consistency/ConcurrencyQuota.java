package io.ledgerline.query.consistency;

import io.ledgerline.support.web.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;

/**
 * Bounds how many of a long-lived thing (a version wait, a live stream) are held at once, per
 * subject and in all: each holds a timer, a subscription and a connection, so one caller could
 * otherwise take them all. Past a subject's share the answer is 429, past the node's 503, both
 * with the same code and a Retry-After, since both pass as permits are released. Memory stays bounded too: a subject is kept only while it holds a permit.
 */
public final class ConcurrencyQuota {

    private final int perSubject;
    private final int overall;
    private final String code;
    private final String what;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public ConcurrencyQuota(int perSubject, int overall, String code, String what) {
        if (perSubject < 1 || overall < 1) {
            throw new IllegalArgumentException("A quota needs room for at least one " + what);
        }
        this.perSubject = perSubject;
        this.overall = overall;
        this.code = code;
        this.what = what;
    }

    /** @throws ApiException 429 when the subject holds its share already, 503 when the node does */
    public Permit acquire(String subject) {
        if (total.incrementAndGet() > overall) {
            total.decrementAndGet();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code,
                    "This node holds as many " + what + " as it can (" + overall + "); retry shortly")
                    .retryAfter(RETRY_AFTER);
        }
        boolean[] admitted = {false};
        held.compute(subject, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perSubject) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, code,
                    "At most " + perSubject + " " + what + " per caller at once; end one first")
                    .retryAfter(RETRY_AFTER);
        }
        return new Permit(subject);
    }

    int held() {
        return total.get();
    }

    int subjects() {
        return held.size();
    }

    /** Released once, however often it is asked to: completion, timeout and error all release it. */
    public final class Permit {

        private final String subject;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String subject) {
            this.subject = subject;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                held.computeIfPresent(subject, (key, count) -> count <= 1 ? null : count - 1);
                total.decrementAndGet();
            }
        }
    }
}
