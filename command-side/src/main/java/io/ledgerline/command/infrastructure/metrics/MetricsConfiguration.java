package io.ledgerline.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Takes the place of the registry Axon's auto-configuration would build (it steps back for one defined here). */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new ProcessorMetricRegistry(registry);
    }

    @Bean
    MeterFilter axonTimerBuckets() {
        return new AxonTimerBuckets();
    }
}
