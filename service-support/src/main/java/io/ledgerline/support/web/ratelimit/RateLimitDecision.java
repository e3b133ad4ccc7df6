package io.ledgerline.support.web.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * How a subject stands after a request: whether it may go ahead, and what the IETF RateLimit
 * header fields tell the client so that it can pace itself.
 *
 * @param limit      the burst: how many requests a full bucket allows at once
 * @param remaining  the tokens left after this request
 * @param retryAfter empty when the request may go ahead; otherwise how long until a token is there
 * @param untilFull  how long until the bucket is full again
 */
public record RateLimitDecision(long limit, long remaining, Optional<Duration> retryAfter, Duration untilFull) {

    static RateLimitDecision allowed(long limit, long remaining, Duration untilFull) {
        return new RateLimitDecision(limit, remaining, Optional.empty(), untilFull);
    }

    static RateLimitDecision refused(long limit, Duration retryAfter, Duration untilFull) {
        return new RateLimitDecision(limit, 0, Optional.of(retryAfter), untilFull);
    }

    public boolean allowed() {
        return retryAfter.isEmpty();
    }
}
