package io.ledgerline.query.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CompositeBatchInterceptor;

/**
 * Every projection's listener container: the shared error handling (wait out outages, park poison
 * events) and the interceptors that run around each poll. Projections take a whole poll at once,
 * so that its writes share one transaction or one bulk request, and its offsets one commit.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            CommonErrorHandler projectionErrorHandler, List<BatchInterceptor<Object, Object>> interceptors) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(projectionErrorHandler);
        factory.setBatchInterceptor(new CompositeBatchInterceptor<>(interceptors.toArray(BatchInterceptor[]::new)));
        factory.getContainerProperties().setShutdownTimeout(Duration.ofSeconds(10).toMillis());
        return factory;
    }
}
