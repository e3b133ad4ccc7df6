package io.ledgerline.command.infrastructure.eventstore;

import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
// the entities of Axon's JPA storage, which its auto-configuration registers only when it builds the engine
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    /**
     * Axon's JPA storage engine, built exactly as its auto-configuration builds it, which it does only
     * while no event store is defined (and this configuration defines one below).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration axon,
            EntityManagerProvider entityManagerProvider, TransactionManager transactionManager) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .build();
    }

    /**
     * Replaces the store Axon's auto-configuration would build (with the same monitor and spans).
     * The fetch delay is how long the readers tailing the store wait before looking again when no
     * commit woke them: events another node appended are seen within it.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
            @Value("${ledgerline.event-store.fetch-delay:100ms}") Duration fetchDelay) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    /** Axon chains every EventUpcaster bean in front of the event store's deserialization. */
    @Bean
    EventUpcaster moneyDepositedReferencesUpcaster() {
        return new AddedTextFieldsUpcaster(MoneyDeposited.class, "reference", "externalReference");
    }

    @Bean
    EventUpcaster moneyWithdrawnReferenceUpcaster() {
        return new AddedTextFieldsUpcaster(MoneyWithdrawn.class, "externalReference");
    }

    @Bean
    EventUpcaster customerPersonalDataUpcaster() {
        return new CustomerPersonalDataUpcaster();
    }
}
