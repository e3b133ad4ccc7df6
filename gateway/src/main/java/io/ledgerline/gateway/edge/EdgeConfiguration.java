package io.ledgerline.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.gateway.GatewayProperties;
import io.ledgerline.gateway.routing.DocumentedRoutes;
import io.ledgerline.gateway.routing.Side;
import io.ledgerline.support.web.ratelimit.RateLimitFilter;
import io.ledgerline.support.web.ratelimit.RateLimitProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.util.UrlPathHelper;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    static final String COMMAND_LIMIT = "ledgerline.gateway.rate-limit.commands";
    static final String QUERY_LIMIT = "ledgerline.gateway.rate-limit.queries";

    /** After Spring Security's chain (-100), so that the principal is known; before any body is read. */
    private static final int RATE_LIMIT_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;
    private static final String GRAPHQL = "/graphql";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /**
     * management.observations.enable.spring.security=false only silences Spring Security's observations:
     * each of its filters, the authentication and the authorization stayed wrapped in an observation that
     * recorded nothing, a few per cent of the gateway's CPU per forwarded request. The request itself is
     * still observed once (http.server.requests, the gateway's span).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's resource server takes the token resolver of the context. */
    @Bean
    BearerTokenResolver bearerHeaderTokenResolver() {
        return new BearerHeaderTokenResolver();
    }

    /** Spring Security's default firewall, its header checks the same but without a regular expression (HeaderCharacters). */
    @Bean
    HttpFirewall headerCheckingFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Before Spring Security's chain: a browser's preflight carries no token and must not be answered
     * 401. With no allowed origin (the default) no request is given CORS headers, so browsers keep
     * other origins' scripts out.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.corsAllowedOrigins().stream().filter(StringUtils::hasText).toList();
        if (!origins.isEmpty()) {
            CorsConfiguration browsers = new CorsConfiguration();
            browsers.setAllowedOrigins(origins);
            browsers.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            browsers.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                    "Idempotency-Key", CorrelationIdFilter.HEADER, "traceparent"));
            browsers.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
                    CorrelationIdFilter.HEADER, RateLimitFilter.LIMIT, RateLimitFilter.REMAINING, RateLimitFilter.RESET));
            // bearer tokens, no cookies: credentials mode stays off
            browsers.setAllowCredentials(false);
            browsers.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", browsers);
            source.registerCorsConfiguration("/graphql", browsers);
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * The rate limit per subject, held here once for all nodes of a side: each node counts only the
     * requests that reach it, so behind N nodes a subject would get N times the services' limit. The
     * commands (writes the command side serves) and the query side's requests have their own buckets
     * with the services' rates (200/s, bursts of 400; 400/s, bursts of 800).
     */
    @Bean
    @ConditionalOnProperty(name = "ledgerline.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> commandRateLimit(Environment environment, DocumentedRoutes routes,
            ObjectMapper json) {
        RateLimitProperties limit = Binder.get(environment).bindOrCreate(COMMAND_LIMIT, RateLimitProperties.class);
        return rateLimit("commandRateLimit", limit, json, request -> isCommand(request, routes), RATE_LIMIT_ORDER);
    }

    @Bean
    @ConditionalOnProperty(name = "ledgerline.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> queryRateLimit(Environment environment, DocumentedRoutes routes,
            ObjectMapper json) {
        RateLimitProperties limit = Binder.get(environment).bindOrCreate(QUERY_LIMIT, RateLimitProperties.class);
        return rateLimit("queryRateLimit", limit, json,
                request -> sideOf(request, routes) == Side.QUERY || isGraphQlQuery(request), RATE_LIMIT_ORDER + 1);
    }

    /**
     * The services' RateLimit header fields describe one node's bucket; the gateway's describe the
     * subject's, which is the one that holds. The correlation id is the gateway's already.
     */
    @Bean
    ResponseHttpHeadersFilter gatewayOwnedAnswerHeaders(Environment environment) {
        boolean limited = environment.getProperty("ledgerline.gateway.rate-limit.enabled", Boolean.class, true);
        return (headers, response) -> {
            HttpHeaders kept = new HttpHeaders();
            kept.putAll(headers);
            kept.remove(CorrelationIdFilter.HEADER);
            if (limited) {
                kept.remove(RateLimitFilter.LIMIT);
                kept.remove(RateLimitFilter.REMAINING);
                kept.remove(RateLimitFilter.RESET);
            }
            return kept;
        };
    }

    private static FilterRegistrationBean<RateLimitFilter> rateLimit(String name, RateLimitProperties limit, ObjectMapper json,
            java.util.function.Predicate<HttpServletRequest> limited, int order) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limit.limiter(Clock.systemUTC()), json, limited));
        // two filters of one class: each needs a name of its own, or the container registers only the first
        registration.setName(name);
        registration.setEnabled(limit.enabled());
        registration.setOrder(order);
        return registration;
    }

    private static boolean isCommand(HttpServletRequest request, DocumentedRoutes routes) {
        return COMMAND_METHODS.contains(request.getMethod()) && sideOf(request, routes) == Side.COMMAND
                && !path(request).startsWith("/api/dev/");
    }

    /** GraphQL over HTTP is a query of the query side, outside its OpenAPI document. */
    private static boolean isGraphQlQuery(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && GRAPHQL.equals(path(request));
    }

    private static Side sideOf(HttpServletRequest request, DocumentedRoutes routes) {
        return routes.sideOf(request.getMethod(), path(request)).orElse(null);
    }

    /** Decoded, with dot segments resolved, so that no spelling of a path slips past as exempt. */
    private static String path(HttpServletRequest request) {
        return StringUtils.cleanPath(PATHS.getPathWithinApplication(request));
    }
}
