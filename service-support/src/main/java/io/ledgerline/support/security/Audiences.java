package io.ledgerline.support.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/** The check that a token was issued for this API: its {@code aud} names at least one of ours. */
public final class Audiences {

    private Audiences() {
    }

    public static OAuth2TokenValidator<Jwt> required(Collection<String> accepted) {
        List<String> ours = accepted.stream().filter(audience -> !audience.isBlank()).toList();
        return new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.stream().anyMatch(ours::contains));
    }
}
