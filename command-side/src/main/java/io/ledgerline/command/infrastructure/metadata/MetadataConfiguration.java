package io.ledgerline.command.infrastructure.metadata;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetadataConfiguration {

    @Bean
    CorrelationDataProvider causationCorrelationDataProvider() {
        return new CausationCorrelationDataProvider();
    }

    /** On the bus rather than the gateway, so that the saga's commands pass through it as well. */
    @Bean
    CallerMetadataInterceptor callerMetadataInterceptor(CommandBus commandBus) {
        CallerMetadataInterceptor interceptor = new CallerMetadataInterceptor();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }
}
