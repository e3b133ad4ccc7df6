package io.ledgerline.command.web.ratelimit;

/**
 * Holds up to {@code burst} tokens and gains {@code perSecond} tokens a second; a request takes one.
 * Not thread-safe: {@link RateLimiter} guards it. Times are milliseconds of an injected clock, so
 * a test moves time instead of waiting.
 */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double burst, long now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** @return 0 when a token was taken; otherwise how many milliseconds until one is there */
    long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / perSecond));
    }

    /** A bucket that has filled up again is no different from a new one, so it may be forgotten. */
    boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        // a clock set back is treated as no time passing, never as tokens taken away
        long elapsed = Math.max(0, now - refilledAt);
        tokens = Math.min(burst, tokens + elapsed * perSecond / 1000);
        refilledAt = Math.max(refilledAt, now);
    }
}
