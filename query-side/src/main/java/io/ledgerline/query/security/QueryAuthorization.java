package io.ledgerline.query.security;

import static io.ledgerline.support.security.Roles.ADMIN;
import static io.ledgerline.support.security.Roles.AUDITOR;
import static io.ledgerline.support.security.Roles.CUSTOMER;
import static io.ledgerline.support.security.Roles.TELLER;

import io.ledgerline.support.security.AuthorizationRules;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's role matrix. A customer passes these rules for reads, but the endpoints answer
 * only their own data (see {@link ReadAccess}): another customer's account, customer or transfer is
 * answered 404 like an unknown id, and searches are filtered to their own accounts. Paths not named
 * here are refused to everyone.
 */
@Configuration(proxyBeanMethods = false)
class QueryAuthorization {

    @Bean
    AuthorizationRules queryRoleMatrix() {
        return paths -> paths
                .requestMatchers("/api/accounts", "/api/accounts/**", "/api/customers/**", "/api/transfers/**")
                .hasAnyRole(CUSTOMER, TELLER, AUDITOR)
                .requestMatchers("/api/search/accounts", "/api/search/transactions").hasAnyRole(CUSTOMER, TELLER, AUDITOR)
                // GraphQL queries read what the paths above read, under the same ownership rules
                .requestMatchers(HttpMethod.POST, "/graphql").hasAnyRole(CUSTOMER, TELLER, AUDITOR)
                // the GraphQL WebSocket upgrade (GET /graphql) is authorized with the subscriptions
                // its token comes in connection_init, checked by SubscriptionAuthentication (4401 without one)
                .requestMatchers(HttpMethod.GET, "/graphql").permitAll()
                .requestMatchers(HttpMethod.GET, "/graphiql").permitAll()
                .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                .requestMatchers("/api/admin/reconciliation").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers("/api/admin/**", "/actuator/**").hasRole(ADMIN);
    }
}
