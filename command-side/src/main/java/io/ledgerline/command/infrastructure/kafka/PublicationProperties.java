package io.ledgerline.command.infrastructure.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param acknowledgementTimeout how long one publication waits for Kafka before the processor retries it */
@ConfigurationProperties("ledgerline.publication")
public record PublicationProperties(@DefaultValue("30s") Duration acknowledgementTimeout) {
}
