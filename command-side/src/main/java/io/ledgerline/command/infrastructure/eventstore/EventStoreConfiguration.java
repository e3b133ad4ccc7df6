package io.ledgerline.command.infrastructure.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }
}
