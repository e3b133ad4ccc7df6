package io.ledgerline.support.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rolesClaim    the claim holding the array of role names
 * @param customerClaim the claim naming the customer a CUSTOMER token belongs to
 * @param audiences     the {@code aud} values that name this API at the production issuer; a token must carry
 *                      one of them, so that the issuer's tokens for other clients and its ID tokens are refused
 * @param devTokens     the development token issuer, for local runs and tests only
 */
@ConfigurationProperties("ledgerline.security")
public record SecurityProperties(@DefaultValue("roles") String rolesClaim,
        @DefaultValue("customer_id") String customerClaim,
        @DefaultValue List<String> audiences,
        @DefaultValue DevTokens devTokens) {

    /**
     * @param enabled    switches the issuer on; refused unless the {@code local} profile is active
     * @param keyFile    the RSA key pair (a JWK) tokens are signed with, created when absent
     * @param issuer     the {@code iss} of development tokens, the only one accepted while they are on
 * @param audience   the {@code aud} of development tokens, required of every token while they are on
     * @param defaultTtl how long a token lives when the request names no lifetime: a whole bench run
     * @param maxTtl     the longest lifetime a request may ask for
     */
    public record DevTokens(@DefaultValue("false") boolean enabled, Path keyFile,
            @DefaultValue("ledgerline-dev-tokens") String issuer,
            @DefaultValue("ledgerline-dev-api") String audience,
            @DefaultValue("8h") Duration defaultTtl,
            @DefaultValue("24h") Duration maxTtl) {
    }
}
