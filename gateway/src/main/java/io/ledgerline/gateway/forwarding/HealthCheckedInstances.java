package io.ledgerline.gateway.forwarding;

import java.time.Duration;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Spring Cloud LoadBalancer's configuration for each side (one child context per service id): the
 * configured instance list (spring.cloud.discovery.client.simple.instances), less the instances whose
 * health check failed at the last round (spring.cloud.loadbalancer.health-check.interval). Not a
 * component of the scan: LoadBalancerClients names it as the default configuration.
 */
class HealthCheckedInstances {

    /**
     * The check runs on the health-check scheduler's thread and blocks it, and Reactor's timeout
     * cannot interrupt it: a node that accepts connections but never answers would hold up the
     * round of every other node. So the check itself gives up within a second.
     */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    ServiceInstanceListSupplier healthCheckedInstanceList(ConfigurableApplicationContext context) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build());
        requests.setReadTimeout(CHECK_TIMEOUT);
        return ServiceInstanceListSupplier.builder()
                .withBlockingDiscoveryClient()
                .withBlockingHealthChecks(RestClient.builder().requestFactory(requests).build())
                .build(context);
    }

}
