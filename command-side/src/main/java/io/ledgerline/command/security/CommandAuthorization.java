package io.ledgerline.command.security;

import static io.ledgerline.support.security.Roles.ADMIN;
import static io.ledgerline.support.security.Roles.AUDITOR;
import static io.ledgerline.support.security.Roles.CUSTOMER;
import static io.ledgerline.support.security.Roles.PAYMENTS;
import static io.ledgerline.support.security.Roles.TELLER;

import io.ledgerline.support.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's role matrix. A customer passes these rules only for their own accounts: the
 * endpoints answer another customer's account as unknown (404, or 422 UNKNOWN_ACCOUNT as a
 * transfer's source). Paths not named here are refused to everyone.
 *
 * <p>Deposits and withdrawals let a customer through this matrix only so that the endpoint can answer
 * another customer's account 404 like an unknown one; it then refuses the customer's own account 403.
 */
@Configuration(proxyBeanMethods = false)
class CommandAuthorization {

    @Bean
    AuthorizationRules commandRoleMatrix() {
        return paths -> paths
                .requestMatchers("/api/accounts/*/deposits", "/api/accounts/*/withdrawals")
                        .hasAnyRole(CUSTOMER, TELLER, PAYMENTS)
                .requestMatchers("/api/transfers").hasAnyRole(CUSTOMER, TELLER)
                .requestMatchers("/api/customers", "/api/customers/**").hasRole(TELLER)
                .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(TELLER)
                .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                .requestMatchers("/api/admin/ledger-verifications", "/api/admin/ledger-verifications/*").hasAnyRole(ADMIN, AUDITOR)
                .requestMatchers("/api/admin/**", "/actuator/**").hasRole(ADMIN);
    }
}
