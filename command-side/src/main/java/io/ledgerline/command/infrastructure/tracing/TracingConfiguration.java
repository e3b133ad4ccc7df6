package io.ledgerline.command.infrastructure.tracing;

import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the W3C trace context under the metadata key {@value TraceContext#TRACEPARENT}: from the
 * request into its commands, from their handling into the stored events, from the events into the
 * saga's commands and the Kafka records.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    CorrelationDataProvider traceparentCorrelationDataProvider(TraceContext traces) {
        return new TraceparentCorrelationDataProvider(traces);
    }

    /** On the bus rather than the gateway, so that the saga's commands are traced as well. */
    @Bean
    TraceparentDispatchInterceptor traceparentDispatchInterceptor(CommandBus commandBus, TraceContext traces) {
        TraceparentDispatchInterceptor interceptor = new TraceparentDispatchInterceptor(traces);
        commandBus.registerDispatchInterceptor(interceptor);
        commandBus.registerHandlerInterceptor(new TracingHandlerInterceptor<CommandMessage<?>>(traces, "command", Span.Kind.SERVER));
        return interceptor;
    }

    @Autowired
    void traceEventProcessors(EventProcessingConfigurer processing, TraceContext traces) {
        processing.registerDefaultHandlerInterceptor(
                (configuration, processor) -> new TracingHandlerInterceptor<>(traces, processor, Span.Kind.CONSUMER));
    }
}
