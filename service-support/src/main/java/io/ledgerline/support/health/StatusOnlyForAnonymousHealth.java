package io.ledgerline.support.health;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointWebExtension;

/**
 * Health over HTTP as Spring Boot answers it, but only {@code {"status": ...}} for a caller without
 * the given role. {@code show-details}/{@code show-components} hide the components, not the names of
 * the health groups, and the components (Kafka's cluster id, Elasticsearch's cluster, disk paths)
 * tell an anonymous caller what runs behind the service; a load balancer needs the status alone.
 */
@EndpointWebExtension(endpoint = HealthEndpoint.class)
public class StatusOnlyForAnonymousHealth extends HealthEndpointWebExtension {

    private final String role;

    public StatusOnlyForAnonymousHealth(HealthContributorRegistry registry, HealthEndpointGroups groups,
            java.time.Duration slowIndicatorLoggingThreshold, String role) {
        super(registry, groups, slowIndicatorLoggingThreshold);
        this.role = role;
    }

    @Override
    @ReadOperation
    public WebEndpointResponse<HealthComponent> health(ApiVersion apiVersion, WebServerNamespace serverNamespace,
            SecurityContext securityContext) {
        return forCaller(super.health(apiVersion, serverNamespace, securityContext), securityContext);
    }

    @Override
    @ReadOperation
    public WebEndpointResponse<HealthComponent> health(ApiVersion apiVersion, WebServerNamespace serverNamespace,
            SecurityContext securityContext, @Selector(match = Match.ALL_REMAINING) String... path) {
        return forCaller(super.health(apiVersion, serverNamespace, securityContext, path), securityContext);
    }

    private WebEndpointResponse<HealthComponent> forCaller(WebEndpointResponse<HealthComponent> response,
            SecurityContext caller) {
        if (response.getBody() == null || caller.isUserInRole(role)) {
            return response;
        }
        return new WebEndpointResponse<>(Health.status(response.getBody().getStatus()).build(), response.getStatus());
    }
}
