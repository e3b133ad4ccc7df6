package io.ledgerline.support.security.devtokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.ledgerline.support.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs development tokens: subject, roles and customer id in the claims every token of the system carries. */
public class DevTokenIssuer {

    /** Where the command side hands out development tokens. */
    public static final String PATH = "/api/dev/tokens";

    private final NimbusJwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public DevTokenIssuer(RSAKey key, SecurityProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** @param ttl the token's lifetime; the configured default when empty, never beyond the configured maximum */
    public IssuedToken issue(String subject, List<String> roles, Optional<String> customerId, Optional<Duration> ttl) {
        SecurityProperties.DevTokens settings = properties.devTokens();
        Duration lifetime = ttl.orElse(settings.defaultTtl());
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(settings.maxTtl()) > 0) {
            throw new IllegalArgumentException("A token lives more than 0 s and at most " + settings.maxTtl());
        }
        // JWT times are whole seconds; the answer names the instant the token really expires
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .claim(properties.rolesClaim(), List.copyOf(roles));
        customerId.ifPresent(id -> claims.claim(properties.customerClaim(), id));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, now.plus(lifetime));
    }

    public Duration maxTtl() {
        return properties.devTokens().maxTtl();
    }
}
