package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.web.ratelimit.RateLimitFilter;
import io.ledgerline.support.web.ratelimit.RateLimitProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "ledgerline.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    /**
     * Spring Security's filter chain runs at -100; this filter comes after it, so that the
     * authenticated principal is known, and before any query runs.
     */
    static final int ORDER = 0;

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        RateLimitFilter filter = new RateLimitFilter(properties.limiter(Clock.systemUTC()), json, RateLimitConfiguration::isQuery);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * Every request of the API is limited, whatever its method: a read costs the databases too, and
     * a search or a version wait more than most commands.
     */
    static boolean isQuery(HttpServletRequest request) {
        // decoded, and with dot segments resolved, so that no spelling of a path slips past as exempt
        return isQuery(StringUtils.cleanPath(PATHS.getPathWithinApplication(request)));
    }

    /** @param path decoded, with dot segments resolved */
    static boolean isQuery(String path) {
        // a GraphQL query reads what the API's reads read, often more of it: it counts as one request of the API
        return path.startsWith("/api/") || path.equals("/graphql");
    }
}
