package io.ledgerline.command.infrastructure.eventstore;

import io.ledgerline.command.integrity.ChainingEventStorageEngine;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
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
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
// the entities of Axon's JPA storage, which its auto-configuration registers only when it builds the engine
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    /**
     * Replaces Boot's JPA transaction manager (with the same customizations): every transaction ends
     * within the bound the gap timeout below relies on.
     */
    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory, EventStoreProperties properties,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager transactionManager =
                new BoundedJpaTransactionManager(entityManagerFactory, properties.transactionTimeout());
        customizers.ifAvailable(customizer -> customizer.customize(transactionManager));
        return transactionManager;
    }

    /** The bound on transactions is PostgreSQL's transaction_timeout, which PostgreSQL 17 introduced. */
    @Bean
    InitializingBean transactionTimeoutSupported(DataSource dataSource) {
        return () -> {
            int version = new JdbcTemplate(dataSource).queryForObject(
                    "SELECT current_setting('server_version_num')::int", Integer.class);
            if (version < 170000) {
                throw new IllegalStateException("The command side needs PostgreSQL 17 or later (its transaction_timeout "
                        + "bounds every transaction that appends events), but the server is version " + version);
            }
        };
    }

    /**
     * Axon's JPA storage engine, built as its auto-configuration builds it (which it does only while no
     * event store is defined, and this configuration defines one below), with the gap timeout and
     * offset that outlast every appending transaction, linking every appended event into its
     * aggregate's hash chain.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration axon,
            EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
            EventStoreProperties properties) {
        return new ChainingEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .maxGapOffset(properties.maxGapOffset()));
    }

    /**
     * Replaces the store Axon's auto-configuration would build (with the same monitor and spans).
     * The fetch delay is how long the readers wait before looking again when no commit of this node
     * woke them: events another node appended are seen within it.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
            EventStoreProperties properties) {
        return new CommitAwareEventStore(privatelyReadStore(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)), properties.fetchDelay());
    }

    /**
     * Each reader reads the store on its own. Axon's default shares a cache of recent events between
     * readers that are close to the head; a reader left behind (the publisher over a backlog) kept every
     * event the cache had read since its position until it was found behind, and over a million events
     * appended at once that filled the command side's heap (README, Benchmark). What the cache saved, one
     * query per commit for the two readers together instead of one each, is small beside that.
     */
    static EmbeddedEventStore.Builder privatelyReadStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .optimizeEventConsumption(false);
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    /** Axon chains every EventUpcaster bean in front of the event store's deserialization. */
    @Bean
    EventUpcaster textBeforeSealingUpcaster() {
        return new TextBeforeSealingUpcaster();
    }
}
