package io.ledgerline.gateway.edge;

import io.ledgerline.support.security.AuthorizationRules;
import io.ledgerline.support.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The gateway's part of the role matrix. It lets through to the services only callers with a valid
 * token (the shared chain already admits health, the API documents and, in the local profile, the
 * development token issuer without one); which roles may do what stays the services' decision
 * (CommandAuthorization, QueryAuthorization), which check the token again. The gateway's own
 * actuator (breaker states, metrics) is for ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class GatewayAuthorization {

    private static final String GRAPHQL = "/graphql";
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Bean
    AuthorizationRules gatewayPaths() {
        return paths -> {
            paths.requestMatchers("/actuator/**").hasRole(Roles.ADMIN);
            paths.requestMatchers("/api-docs/command-side", "/api-docs/query-side").permitAll();
            // a browser cannot give a WebSocket upgrade a header: the relay checks the token of the socket's
            // connection_init before it contacts a node (GraphQlSocketRelay), as the query side does
            paths.requestMatchers(GatewayAuthorization::isGraphQlSocketUpgrade).permitAll();
            paths.requestMatchers("/api/**", "/graphql").authenticated();
        };
    }

    private static boolean isGraphQlSocketUpgrade(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
                && GRAPHQL.equals(StringUtils.cleanPath(PATHS.getPathWithinApplication(request)));
    }
}
