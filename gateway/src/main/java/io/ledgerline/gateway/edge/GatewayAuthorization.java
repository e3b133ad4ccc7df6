package io.ledgerline.gateway.edge;

import io.ledgerline.support.security.AuthorizationRules;
import io.ledgerline.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's part of the role matrix. It lets through to the services only callers with a valid
 * token (the shared chain already admits health, the API documents and, in the local profile, the
 * development token issuer without one); which roles may do what stays the services' decision
 * (CommandAuthorization, QueryAuthorization), which check the token again. The gateway's own
 * actuator (breaker states, metrics) is for ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAuthorization {

    @Bean
    AuthorizationRules gatewayPaths() {
        return paths -> {
            paths.requestMatchers("/actuator/**").hasRole(Roles.ADMIN);
            paths.requestMatchers("/api-docs/command-side", "/api-docs/query-side").permitAll();
            paths.requestMatchers("/api/**", "/graphql").authenticated();
        };
    }
}
