package io.ledgerline.command.infrastructure.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long idempotency keys are kept. The sweep runs every {@code ledgerline.idempotency.sweep-interval}
 * (ISO-8601, default PT1H).
 *
 * @param retention how long a key answers as it first did; after that the same key is a new
 *                  request, and the sweep deletes it
 */
@ConfigurationProperties("ledgerline.idempotency")
public record IdempotencyProperties(@DefaultValue("7d") Duration retention) {
}
