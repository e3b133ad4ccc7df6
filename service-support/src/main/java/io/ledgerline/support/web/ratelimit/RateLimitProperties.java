package io.ledgerline.support.web.ratelimit;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each service states its own rate and burst in its application.yml (commands cost more than reads).
 *
 * @param enabled           whether requests are rate limited at all
 * @param requestsPerSecond the sustained rate of limited requests one subject may send
 * @param burst             how many limited requests a subject may send at once after a pause
 * @param maxSubjects       how many subjects' buckets are kept at most; beyond it the least recently
 *                          seen one is forgotten, so a flood of subjects cannot exhaust memory
 */
@ConfigurationProperties("ledgerline.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("200") double requestsPerSecond,
                                  @DefaultValue("400") int burst,
                                  @DefaultValue("100000") int maxSubjects) {

    public RateLimiter limiter(Clock clock) {
        return new RateLimiter(requestsPerSecond, burst, maxSubjects, clock);
    }
}
