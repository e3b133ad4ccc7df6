package io.ledgerline.command.web.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.web.ratelimit.RateLimitFilter;
import io.ledgerline.support.web.ratelimit.RateLimitProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
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
public class RateLimitConfiguration {

    /**
     * Spring Security's filter chain runs at -100; this filter comes after it, so that the
     * authenticated principal is known, and before the dispatcher reads any body.
     */
    static final int ORDER = 0;

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        RateLimitFilter filter = new RateLimitFilter(properties.limiter(Clock.systemUTC()), json, RateLimitConfiguration::isCommand);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * Commands are limited: POST, PUT, PATCH and DELETE under {@code /api/}, except the development
     * endpoints under {@code /api/dev/}. Reads of the command side (audit, time travel) are not.
     */
    static boolean isCommand(HttpServletRequest request) {
        // decoded, and with dot segments resolved, so that no spelling of a path slips past as exempt
        return isCommand(request.getMethod(), StringUtils.cleanPath(PATHS.getPathWithinApplication(request)));
    }

    /** @param path decoded, with dot segments resolved */
    public static boolean isCommand(String method, String path) {
        return COMMAND_METHODS.contains(method) && path.startsWith("/api/") && !path.startsWith("/api/dev/");
    }
}
