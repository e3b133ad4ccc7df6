package io.ledgerline.command.customer;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomerRegistryConfiguration {

    /**
     * The registry runs in a subscribing processor (see application.yml); its failures must reach
     * the command that caused them and roll back the event append, which Axon's default (log and
     * go on) would not do.
     */
    @Bean
    ConfigurerModule customerRegistryFailuresRefuseTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CustomerRegistry.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
