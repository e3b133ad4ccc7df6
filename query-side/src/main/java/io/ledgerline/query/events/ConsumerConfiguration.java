package io.ledgerline.query.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /**
     * A failing record is retried, backing off up to 10 s, and never skipped: a projection that
     * skipped an event would serve a wrong balance from then on.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("Projecting {}-{}@{} failed (attempt {}); retrying",
                record.topic(), record.partition(), record.offset(), attempt, failure));
        return handler;
    }
}
