package io.ledgerline.support.security.devtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.ledgerline.support.security.Audiences;
import io.ledgerline.support.security.SecurityProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development token issuer and the decoder that trusts it, instead of a real issuer. It exists
 * only when {@code ledgerline.security.dev-tokens.enabled=true}, which only application-local.yml
 * sets, and it refuses to start unless the {@code local} profile is active: a production
 * configuration that sets the switch by mistake fails at startup rather than accepting tokens
 * anyone with the key file could mint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledgerline.security.dev-tokens.enabled", havingValue = "true")
public class DevTokenConfiguration {

    public static final String LOCAL_PROFILE = "local";

    private final RSAKey key;

    DevTokenConfiguration(SecurityProperties properties, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            throw new IllegalStateException("ledgerline.security.dev-tokens.enabled=true is allowed only with the Spring "
                    + "profile '" + LOCAL_PROFILE + "'; in production configure a token issuer through "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri and ledgerline.security.audiences and "
                    + "leave the development "
                    + "token issuer off");
        }
        if (properties.devTokens().keyFile() == null) {
            throw new IllegalStateException("ledgerline.security.dev-tokens.key-file must name the file of the "
                    + "development token key");
        }
        this.key = DevSigningKey.loadOrCreate(properties.devTokens().keyFile());
    }

    @Bean
    DevTokenIssuer devTokenIssuer(SecurityProperties properties, ObjectProvider<Clock> clock) {
        return new DevTokenIssuer(key, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Trusts only tokens of the development issuer for this API, signed with its key, while they are valid. */
    @Bean
    JwtDecoder devTokenDecoder(SecurityProperties properties) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.devTokens().issuer()),
                Audiences.required(List.of(properties.devTokens().audience()))));
        return decoder;
    }
}
