package io.ledgerline.command.web.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "ledgerline.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    /**
     * Spring Security's filter chain runs at -100; this filter comes after it, so that the
     * authenticated principal is known, and before the dispatcher reads any body.
     */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        RateLimiter limiter = new RateLimiter(properties.requestsPerSecond(), properties.burst(),
                properties.maxSubjects(), Clock.systemUTC());
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, json));
        registration.setOrder(ORDER);
        return registration;
    }
}
