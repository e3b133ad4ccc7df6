package io.ledgerline.command.infrastructure.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    /** Axon chains every EventUpcaster bean in front of the event store's deserialization. */
    @Bean
    EventUpcaster moneyDepositedReferenceUpcaster() {
        return new MoneyDepositedReferenceUpcaster();
    }

    @Bean
    EventUpcaster customerPersonalDataUpcaster() {
        return new CustomerPersonalDataUpcaster();
    }
}
