package io.ledgerline.command.web.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled           whether commands are rate limited at all
 * @param requestsPerSecond the sustained rate of commands one subject may send
 * @param burst             how many commands a subject may send at once after a pause
 * @param maxSubjects       how many subjects' buckets are kept at most; beyond it the least recently
 *                          seen one is forgotten, so a flood of subjects cannot exhaust memory
 */
@ConfigurationProperties("ledgerline.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("200") double requestsPerSecond,
                                  @DefaultValue("400") int burst,
                                  @DefaultValue("100000") int maxSubjects) {
}
