package io.ledgerline.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.ledgerline.support.security.devtokens.DevSigningKey;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.springframework.security.oauth2.jwt.JwtException;
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

    @Nested
    class ProductionIssuer {

        private static final String ISSUER = "https://login.example/realms/ledgerline";

        @Test
        void startsWithAnIssuerItsJwkSetAndAnAudience() {
            production("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://issuer.example/jwks",
                    "ledgerline.security.audiences=ledgerline-api")
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
        }

        @Test
        void refusesToStartWithAnIssuerButNoAudience() {
            production("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://issuer.example/jwks")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("ledgerline.security.audiences");
                    });
        }

        @Test
        void refusesToStartWithAJwkSetButNoIssuer() {
            production("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://issuer.example/jwks",
                    "ledgerline.security.audiences=ledgerline-api")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
                    });
        }

        @Test
        void acceptsOnlyTokensOfTheIssuerForThisApi() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
            HttpServer jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            jwks.createContext("/jwks", exchange -> {
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.start();
            try {
                production("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                                + jwks.getAddress().getPort() + "/jwks",
                        "ledgerline.security.audiences=ledgerline-api,ledgerline-batch")
                        .run(context -> {
                            JwtDecoder decoder = context.getBean(JwtDecoder.class);
                            assertThat(decoder.decode(token(key, ISSUER, List.of("ledgerline-api"))).getSubject())
                                    .isEqualTo("clerk-7");
                            assertThat(decoder.decode(token(key, ISSUER, List.of("other", "ledgerline-batch")))
                                    .getSubject()).isEqualTo("clerk-7");
                            assertThatThrownBy(() -> decoder.decode(token(key, ISSUER, List.of("online-banking-app"))))
                                    .as("a token of the same issuer for another client").isInstanceOf(JwtException.class);
                            assertThatThrownBy(() -> decoder.decode(token(key, ISSUER, List.of())))
                                    .as("a token naming no audience").isInstanceOf(JwtException.class);
                            assertThatThrownBy(() -> decoder.decode(
                                    token(key, "https://login.example/realms/other", List.of("ledgerline-api"))))
                                    .as("a token of another issuer with the same key").isInstanceOf(JwtException.class);
                        });
            } finally {
                jwks.stop(0);
            }
        }

        private WebApplicationContextRunner production(String... properties) {
            return runner().withPropertyValues(properties).withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.autoconfigure.security.oauth2.resource.servlet
                            .OAuth2ResourceServerAutoConfiguration.class));
        }
    }

    @Test
    void devTokensNameTheirAudienceAndTheDecoderRequiresIt() {
        runner().withPropertyValues("spring.profiles.active=local", "ledgerline.security.dev-tokens.enabled=true",
                        "ledgerline.security.dev-tokens.key-file=" + directory.resolve("key.json"))
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    String issued = context.getBean(DevTokenIssuer.class)
                            .issue("clerk-7", List.of("TELLER"), Optional.empty(), Optional.empty()).token();
                    assertThat(decoder.decode(issued).getAudience()).containsExactly("ledgerline-dev-api");

                    RSAKey key = DevSigningKey.loadOrCreate(directory.resolve("key.json"));
                    assertThatThrownBy(() -> decoder.decode(token(key, "ledgerline-dev-tokens", List.of())))
                            .isInstanceOf(JwtException.class);
                    assertThatThrownBy(() -> decoder.decode(token(key, "ledgerline-dev-tokens", List.of("other-api"))))
                            .isInstanceOf(JwtException.class);
                    assertThat(decoder.decode(token(key, "ledgerline-dev-tokens", List.of("ledgerline-dev-api")))
                            .getSubject()).isEqualTo("clerk-7");
                });
    }

    private static String token(RSAKey key, String issuer, List<String> audience) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("clerk-7").audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("TELLER")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void servicesStartingTogetherShareOneKey() {
        Path file = directory.resolve("nested/key.json");
        assertThat(DevSigningKey.loadOrCreate(file).toPublicJWK())
                .isEqualTo(DevSigningKey.loadOrCreate(file).toPublicJWK());
    }
}
