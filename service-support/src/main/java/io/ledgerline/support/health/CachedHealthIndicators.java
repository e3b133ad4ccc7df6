package io.ledgerline.support.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Puts the health indicators that call a store while the request waits (database, Kafka,
 * Elasticsearch) behind a {@link CachedHealthIndicator}. The endpoint's own cache
 * ({@code management.endpoint.health.cache}) would not do: it skips the probe paths
 * {@code /health/liveness} and {@code /health/readiness}. Only these are wrapped: liveness and
 * readiness states are in memory and must flip at once on shutdown, and an indicator refreshed in the
 * background (the projections') keeps its scheduled refresh only as the bean it is.
 */
public class CachedHealthIndicators implements BeanPostProcessor {

    /** By name: the Elasticsearch indicator's class cannot be loaded where its client is not on the class path. */
    private static final Set<String> CALLING_A_STORE = Set.of(
            "org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator",
            "org.springframework.boot.actuate.elasticsearch.ElasticsearchRestClientHealthIndicator",
            "io.ledgerline.support.kafka.KafkaClusterHealthIndicator");

    private final Duration timeToLive;

    public CachedHealthIndicators(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HealthIndicator indicator && callsAStore(bean.getClass())) {
            return new CachedHealthIndicator(indicator, timeToLive, Clock.systemUTC());
        }
        return bean;
    }

    private static boolean callsAStore(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (CALLING_A_STORE.contains(candidate.getName())) {
                return true;
            }
        }
        return false;
    }
}
