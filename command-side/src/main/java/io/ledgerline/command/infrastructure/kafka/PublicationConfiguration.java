package io.ledgerline.command.infrastructure.kafka;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationProperties.class)
class PublicationConfiguration {

    /**
     * Axon's default only logs a failing handler and moves the token on, which would drop the
     * event from Kafka for good. Propagating the failure makes the processor retry it instead.
     */
    @Bean
    ConfigurerModule publisherRetriesFailedPublications() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
