package io.ledgerline.testsupport.security;

import io.ledgerline.support.security.Roles;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Tokens for the integration tests, signed by the development issuer of the local profile they run
 * in. Every test's injected TestRestTemplate sends a staff token (TELLER, AUDITOR and ADMIN) unless
 * the request carries an Authorization header of its own; registered for all tests in
 * META-INF/spring/...AutoConfiguration.imports of this module, so no test class configures it.
 */
@AutoConfiguration
public class TestTokens {

    /** The subject of the default token: what events caused by the tests' requests record as their user. */
    public static final String STAFF_SUBJECT = "staff-tests";

    private final ObjectProvider<DevTokenIssuer> issuer;
    private volatile String staff;

    TestTokens(ObjectProvider<DevTokenIssuer> issuer) {
        this.issuer = issuer;
    }

    @Bean
    RestTemplateCustomizer staffTokenByDefault() {
        return restTemplate -> restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(staff());
            }
            return execution.execute(request, body);
        });
    }

    /** A token with the roles TELLER, AUDITOR and ADMIN. */
    public String staff() {
        if (staff == null) {
            staff = token(STAFF_SUBJECT, List.of(Roles.TELLER, Roles.AUDITOR, Roles.ADMIN), null);
        }
        return staff;
    }

    /**
     * A token of the default lifetime (8 hours), longer than any test suite shares one context.
     *
     * @param customerId the customer the token belongs to; null for none
     */
    public String token(String subject, List<String> roles, String customerId) {
        return issuer.getObject().issue(subject, roles, Optional.ofNullable(customerId), Optional.empty()).token();
    }
}
