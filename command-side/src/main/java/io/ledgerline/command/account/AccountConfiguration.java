package io.ledgerline.command.account;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Accounts with long histories load from a snapshot taken every so many events. */
    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
            @Value("${ledgerline.account.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Replaces Axon's Spring prototype factory (found by this bean name), which runs the bean
     * factory's creation and autowiring for every command. An account takes no Spring beans; what
     * a handler needs comes as a handler parameter, resolved as in the rest of the application.
     */
    @Bean
    AggregateFactory<Account> accountAggregateFactory(ParameterResolverFactory parameters, HandlerDefinition handlers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Account.class, parameters, handlers));
    }

    /** A registry failure must fail the command that caused it and roll its events back. */
    @Bean
    ConfigurerModule accountRegistryFailuresRefuseTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(AccountRegistry.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
