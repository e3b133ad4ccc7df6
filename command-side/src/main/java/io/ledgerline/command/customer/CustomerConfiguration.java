package io.ledgerline.command.customer;

import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomerConfiguration {

    /** Creates customers without Axon's Spring prototype factory, as accounts are (see AccountConfiguration). */
    @Bean
    AggregateFactory<Customer> customerAggregateFactory(ParameterResolverFactory parameters, HandlerDefinition handlers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Customer.class, parameters, handlers));
    }
}
