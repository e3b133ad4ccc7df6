package io.ledgerline.query.events;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * A failing record is retried, backing off up to 30 s, and never skipped: a projection that
     * skipped an event would serve a wrong balance from then on.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
