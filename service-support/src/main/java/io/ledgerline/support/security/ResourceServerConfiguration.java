package io.ledgerline.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.support.security.devtokens.DevTokenConfiguration;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes each service a stateless OAuth2 resource server: every request but health, info and the API
 * documentation needs a JWT bearer token, and the service's {@link AuthorizationRules} decide which
 * roles may call what. Tokens are verified against the issuer of the standard Spring properties and
 * must name one of {@code ledgerline.security.audiences}, or, in the {@code local} profile only, against
 * the development issuer's key, issuer and audience.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import(DevTokenConfiguration.class)
public class ResourceServerConfiguration {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<AuthorizationRules> rules, ObjectMapper json, Environment environment) throws Exception {
        requireAnIssuer(properties, environment);
        SecurityProblems problems = new SecurityProblems(json);
        boolean devTokens = properties.devTokens().enabled();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new RoleClaimsConverter(properties.rolesClaim(), properties.customerClaim()))))
                .authorizeHttpRequests(paths -> {
                    // the request itself was authorized; its error page and async completion are part of it
                    paths.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    paths.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
                    paths.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll();
                    if (devTokens) {
                        paths.requestMatchers(HttpMethod.POST, DevTokenIssuer.PATH).permitAll();
                    }
                    rules.orderedStream().forEach(rule -> rule.apply(paths));
                    // a path no rule names is nobody's: a new endpoint stays closed until the matrix opens it
                    paths.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * Spring Boot adds this to the validators of the decoder it builds from the issuer properties. An
     * identity provider signs the tokens of all its clients with the same key, so a valid signature and
     * issuer alone would let a token meant for another application, or an ID token, act here.
     */
    @Bean
    @ConditionalOnProperty(name = "ledgerline.security.dev-tokens.enabled", havingValue = "false", matchIfMissing = true)
    OAuth2TokenValidator<Jwt> tokensForThisApiOnly(SecurityProperties properties) {
        return Audiences.required(properties.audiences());
    }

    /** Without an issuer every token would be refused; a service that cannot authenticate anyone must not start. */
    private static void requireAnIssuer(SecurityProperties properties, Environment environment) {
        if (properties.devTokens().enabled()) {
            return;
        }
        if (!environment.containsProperty(ISSUER_URI) && !environment.containsProperty(JWK_SET_URI)) {
            throw new IllegalStateException("No token issuer is configured: set " + ISSUER_URI + " (an OIDC issuer) or "
                    + JWK_SET_URI + " (its JWK set), or run with the 'local' profile, which turns on the development "
                    + "token issuer");
        }
        // with only a JWK set, Spring Boot checks no iss: any issuer trusting the same keys would be accepted
        if (!environment.containsProperty(ISSUER_URI)) {
            throw new IllegalStateException(JWK_SET_URI + " is set but " + ISSUER_URI + " is not: name the issuer "
                    + "too, so that only its tokens are accepted (the keys are still read from the JWK set URI)");
        }
        if (properties.audiences().stream().noneMatch(audience -> !audience.isBlank())) {
            throw new IllegalStateException("ledgerline.security.audiences is not set: name the audience (aud) under "
                    + "which the issuer gives out tokens for this API, so that its tokens for other clients and its "
                    + "ID tokens are refused");
        }
    }
}
