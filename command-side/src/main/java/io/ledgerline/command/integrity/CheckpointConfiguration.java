package io.ledgerline.command.integrity;

import io.ledgerline.command.infrastructure.eventstore.EventStoreProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
class CheckpointConfiguration {

    /**
     * Fails the start when checkpoints are enabled and no key pair is configured, or the public key is
     * not the private key's: found out at start, not by the first verification.
     */
    @Bean
    @ConditionalOnProperty(name = "ledgerline.integrity.checkpoint.enabled", havingValue = "true", matchIfMissing = true)
    CheckpointKeys checkpointKeys(CheckpointProperties properties) {
        return CheckpointKeys.from(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "ledgerline.integrity.checkpoint.enabled", havingValue = "true", matchIfMissing = true)
    CheckpointWriter checkpointWriter(DataSource dataSource, CheckpointKeys keys, CheckpointProperties properties,
            EventStoreProperties eventStore) {
        return new CheckpointWriter(dataSource, keys, properties, eventStore);
    }
}
