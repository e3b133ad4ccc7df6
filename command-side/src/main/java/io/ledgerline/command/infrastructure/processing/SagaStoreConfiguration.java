package io.ledgerline.command.infrastructure.processing;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SagaStoreConfiguration {

    /**
     * Axon's JPA saga store (as its auto-configuration builds it, which it does only while no saga
     * store is defined), behind a row lock that keeps a deadline on one node from overwriting a step
     * another node is applying to the same saga.
     */
    @Bean
    SagaStore<Object> sagaStore(Serializer serializer, EntityManagerProvider entityManagerProvider) {
        SagaStore<Object> jpa = JpaSagaStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .build();
        return new RowLockingSagaStore(jpa, entityManagerProvider);
    }
}
