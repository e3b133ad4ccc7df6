package io.ledgerline.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role matrix: which roles may call which paths. Each service declares one bean, so its
 * whole matrix reads in one place; paths it does not name are refused to everyone. Whose data a
 * customer may touch is decided by the endpoints themselves, from {@link Caller#onlyCustomer}.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry paths);
}
