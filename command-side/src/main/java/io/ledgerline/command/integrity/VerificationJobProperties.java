package io.ledgerline.command.integrity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxRunning        the most verifications running at once in the whole cluster: each reads a
 *                          range of the event store as fast as the database gives it, so an auditor's
 *                          loop of requests must not start them side by side
 * @param heartbeatInterval how often the node running a verification records that it still does
 * @param abandonedAfter    a running verification whose node has not beaten for this long is abandoned
 *                          (the node died): it reads ABANDONED and no longer counts as running
 * @param retryAfter        what a refused request is told to wait before asking again
 */
@ConfigurationProperties("ledgerline.integrity.verification-jobs")
public record VerificationJobProperties(
        @DefaultValue("1") int maxRunning,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration abandonedAfter,
        @DefaultValue("10s") Duration retryAfter) {

    public VerificationJobProperties {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("ledgerline.integrity.verification-jobs.max-running must be positive, was "
                    + maxRunning);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || abandonedAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ledgerline.integrity.verification-jobs.abandoned-after ("
                    + abandonedAfter + ") must be at least twice the positive heartbeat-interval (" + heartbeatInterval
                    + "), or a live verification would read abandoned between two beats");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("ledgerline.integrity.verification-jobs.retry-after must be positive");
        }
    }
}
