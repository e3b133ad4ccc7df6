package io.ledgerline.command.account;

import io.ledgerline.command.infrastructure.aggregatecache.BoundedCache;
import io.ledgerline.command.infrastructure.aggregatecache.CommittedStateCache;
import io.ledgerline.command.infrastructure.aggregatecache.StoreCheckedCachingRepository;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
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
     * Loads accounts through a cache of those this node worked on last: a command on one of them reads
     * the account's last sequence number instead of its snapshot and events. Bounded in number, as the
     * node's memory is; holding only committed state (CommittedStateCache), and used only while the
     * store holds nothing newer (StoreCheckedCachingRepository).
     */
    @Bean
    Repository<Account> accountRepository(EventStore eventStore, AggregateFactory<Account> accountAggregateFactory,
            SnapshotTriggerDefinition accountSnapshotTrigger, ParameterResolverFactory parameters, HandlerDefinition handlers,
            @Value("${ledgerline.account.cache-size:10000}") int cacheSize) {
        return StoreCheckedCachingRepository.of(EventSourcingRepository.builder(Account.class)
                        .aggregateFactory(accountAggregateFactory)
                        .snapshotTriggerDefinition(accountSnapshotTrigger)
                        .parameterResolverFactory(parameters)
                        .handlerDefinition(handlers),
                eventStore, new CommittedStateCache(new BoundedCache(cacheSize)));
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
