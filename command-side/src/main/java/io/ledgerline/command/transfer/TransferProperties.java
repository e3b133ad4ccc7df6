package io.ledgerline.command.transfer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadline how long a transfer may take before the saga compensates and fails it; also the
 *                 interval at which a saga retries a step whose command failed for a technical reason
 */
@ConfigurationProperties("ledgerline.transfer")
public record TransferProperties(@DefaultValue("5m") Duration deadline) {
}
