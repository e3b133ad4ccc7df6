package io.ledgerline.query.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every projection's listener container: the shared error handling (wait out outages, park poison
 * events) and the interceptors that run around each record.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            CommonErrorHandler projectionErrorHandler, List<RecordInterceptor<Object, Object>> interceptors) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(projectionErrorHandler);
        factory.setRecordInterceptor(new CompositeRecordInterceptor<>(interceptors.toArray(RecordInterceptor[]::new)));
        factory.getContainerProperties().setShutdownTimeout(Duration.ofSeconds(10).toMillis());
        return factory;
    }
}
