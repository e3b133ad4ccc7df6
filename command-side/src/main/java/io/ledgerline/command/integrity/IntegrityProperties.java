package io.ledgerline.command.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxVerificationRange the widest global index range one verification request covers: its
 *                             links are held in memory (about 200 bytes an event), so a larger store
 *                             is verified in consecutive ranges, which verify as the whole would
 * @param maxReportedBreaks    the most breaks one report lists; it counts them all
 */
@ConfigurationProperties("ledgerline.integrity")
public record IntegrityProperties(
        @DefaultValue("1000000") long maxVerificationRange,
        @DefaultValue("10000") int maxReportedBreaks) {

    public IntegrityProperties {
        if (maxVerificationRange < 1) {
            throw new IllegalArgumentException("ledgerline.integrity.max-verification-range must be positive, was "
                    + maxVerificationRange);
        }
        if (maxReportedBreaks < 1) {
            throw new IllegalArgumentException("ledgerline.integrity.max-reported-breaks must be positive, was "
                    + maxReportedBreaks);
        }
    }
}
