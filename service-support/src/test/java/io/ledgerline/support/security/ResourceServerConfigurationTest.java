package io.ledgerline.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.support.security.devtokens.DevSigningKey;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class ResourceServerConfigurationTest {

    @TempDir
    Path directory;

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner().withConfiguration(
                AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        ResourceServerConfiguration.class));
    }

    @Nested
    class DevTokenIssuerSwitch {

        @Test
        void refusesToStartWithoutTheLocalProfile() {
            runner().withPropertyValues("ledgerline.security.dev-tokens.enabled=true",
                            "ledgerline.security.dev-tokens.key-file=" + directory.resolve("key.json"))
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("allowed only with the Spring profile 'local'");
                    });
        }

        @Test
        void refusesToStartInAnotherProfileEvenWithAnIssuerConfigured() {
            runner().withPropertyValues("spring.profiles.active=prod", "ledgerline.security.dev-tokens.enabled=true",
                            "ledgerline.security.dev-tokens.key-file=" + directory.resolve("key.json"),
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://issuer.example/jwks")
                    .run(context -> assertThat(context).hasFailed());
        }

        @Test
        void issuesTokensTheDecoderAcceptsInTheLocalProfile() {
            runner().withPropertyValues("spring.profiles.active=local", "ledgerline.security.dev-tokens.enabled=true",
                            "ledgerline.security.dev-tokens.key-file=" + directory.resolve("key.json"))
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
                        DevTokenIssuer.IssuedToken issued = context.getBean(DevTokenIssuer.class)
                                .issue("clerk-7", List.of("TELLER"), Optional.empty(), Optional.of(Duration.ofMinutes(5)));
                        Jwt jwt = context.getBean(JwtDecoder.class).decode(issued.token());
                        assertThat(jwt.getSubject()).isEqualTo("clerk-7");
                        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TELLER");
                        assertThat(jwt.getClaimAsString("iss")).isEqualTo("ledgerline-dev-tokens");
                        assertThat(jwt.getExpiresAt()).isEqualTo(issued.expiresAt());
                    });
        }
    }

    @Test
    void refusesToStartWithoutAnyIssuer() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("No token issuer is configured");
        });
    }

    @Test
    void startsWithAProductionIssuer() {
        runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://issuer.example/jwks")
                .withConfiguration(AutoConfigurations.of(org.springframework.boot.autoconfigure.security.oauth2.resource
                        .servlet.OAuth2ResourceServerAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void servicesStartingTogetherShareOneKey() {
        Path file = directory.resolve("nested/key.json");
        assertThat(DevSigningKey.loadOrCreate(file).toPublicJWK())
                .isEqualTo(DevSigningKey.loadOrCreate(file).toPublicJWK());
    }
}
