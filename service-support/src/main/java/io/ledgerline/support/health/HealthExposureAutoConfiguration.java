package io.ledgerline.support.health;

import io.ledgerline.support.security.Roles;
import java.time.Duration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Health needs no token, so it tells anonymous callers the status only and its checks of the stores
 * answer from a short cache, as long as the health endpoint's own cache lives
 * ({@code management.endpoint.health.cache.time-to-live}, 5 s unless configured). ADMIN sees everything.
 */
@AutoConfiguration(before = HealthEndpointAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnAvailableEndpoint(endpoint = HealthEndpoint.class)
public class HealthExposureAutoConfiguration {

    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(5);

    @Bean
    static CachedHealthIndicators cachedHealthIndicators(Environment environment) {
        return new CachedHealthIndicators(Binder.get(environment)
                .bind("management.endpoint.health.cache.time-to-live", Duration.class).orElse(DEFAULT_TIME_TO_LIVE));
    }

    @Bean
    StatusOnlyForAnonymousHealth statusOnlyForAnonymousHealth(HealthContributorRegistry registry,
            HealthEndpointGroups groups, HealthEndpointProperties properties) {
        return new StatusOnlyForAnonymousHealth(registry, groups, properties.getLogging().getSlowIndicatorThreshold(),
                Roles.ADMIN);
    }
}
