package io.ledgerline.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How ledger.events is created by whichever service finds it missing. */
@ConfigurationProperties("ledgerline.topic")
public record LedgerTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
