package io.ledgerline.gateway.forwarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.ledgerline.gateway.GatewayProperties;
import io.ledgerline.support.tracing.TraceContext;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

    @Bean
    SideInstances sideInstances(DiscoveryClient nodes, GatewayProperties properties,
            @Value("${spring.cloud.loadbalancer.health-check.interval:2s}") Duration interval,
            @Value("${spring.cloud.loadbalancer.health-check.path.default:/actuator/health/readiness}") String path) {
        NodeAddresses addresses = properties.resolveEveryAddress()
                ? NodeAddresses.everyAddress(NodeAddresses.SYSTEM) : NodeAddresses.asConfigured();
        return new SideInstances(nodes, addresses, interval, path);
    }

    @Bean
    SideForwarding sideForwarding(SideInstances instances, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry timeLimits, GatewayProperties properties, ObjectMapper json,
            @Value("${spring.cloud.loadbalancer.health-check.interval:25s}") Duration healthCheckInterval, TraceContext traces,
            ObjectProvider<RequestHttpHeadersFilter> requestHeaders,
            ObjectProvider<ResponseHttpHeadersFilter> responseHeaders) {
        return new SideForwarding(instances, breakers, timeLimits, properties, json, healthCheckInterval, traces,
                requestHeaders, responseHeaders);
    }
}
