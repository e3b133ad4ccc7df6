package io.ledgerline.query.parking;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class ParkingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParkingConfiguration.class);

    /**
     * An outage is retried for as long as it lasts, backing off up to 10 s: skipping the event
     * would serve wrong balances from then on. Any other failure is tried three times and parked.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(ParkingRecoverer recoverer) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, poisonBackOff());
        handler.setBackOffFunction((record, failure) -> FailureKinds.isTransient(failure) ? outageBackOff() : null);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "Projecting {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(), record.offset(),
                attempt, ParkingRecoverer.describe(failure)));
        handler.setCommitRecovered(true);
        return handler;
    }

    private static BackOff poisonBackOff() {
        return new FixedBackOff(200, 2);
    }

    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        return backOff;
    }
}
