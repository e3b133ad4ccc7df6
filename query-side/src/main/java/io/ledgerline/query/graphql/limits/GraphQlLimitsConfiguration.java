package io.ledgerline.query.graphql.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class GraphQlLimitsConfiguration {

    @Bean
    QueryLimitsInstrumentation queryLimitsInstrumentation(GraphQlLimits limits) {
        return new QueryLimitsInstrumentation(limits);
    }

    /**
     * Next to the outermost (which only reshapes refusals on sockets), so that an oversized document is refused
     * before any other interceptor spends time on it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    GraphQlRequestLimits graphQlRequestLimits(GraphQlLimits limits,
            @Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspection) {
        return new GraphQlRequestLimits(limits, introspection);
    }

    /**
     * After Spring Security's chain and the request body limit, so that an anonymous caller is answered 401
     * and an oversized body 413 before this filter reads anything.
     */
    @Bean
    FilterRegistrationBean<GraphQlHttpEnvelope> graphQlHttpEnvelope(
            @Value("${spring.graphql.http.path:/graphql}") String path, ObjectMapper json) {
        FilterRegistrationBean<GraphQlHttpEnvelope> registration = new FilterRegistrationBean<>(
                new GraphQlHttpEnvelope(path, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
