package io.ledgerline.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ledgerline.support.security.devtokens.DevSigningKey;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Tokens an attacker might send, each built to differ from a valid one in exactly one way, and the
 * answer every one of them must get: 401 UNAUTHENTICATED as problem details with a Bearer challenge.
 */
public final class TokenAttacks {

    /** The development issuer of the test configuration. */
    public static final String ISSUER = "ledgerline-dev-tokens";
    /** The audience development tokens name, which the services require. */
    public static final String AUDIENCE = "ledgerline-dev-api";
    private static final Path KEY_FILE = Path.of("target/dev-token-key.json");

    private TokenAttacks() {
    }

    /** A token signed by the service's own key with staff roles, valid unless the arguments make it not. */
    public static String signed(RSAKey key, String issuer, Instant issuedAt, Instant expiresAt) throws JOSEException {
        return signed(key, issuer, List.of(AUDIENCE), issuedAt, expiresAt);
    }

    /** @param audience the token's {@code aud}; empty for none */
    public static String signed(RSAKey key, String issuer, List<String> audience, Instant issuedAt, Instant expiresAt)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("attacker").audience(audience)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .claim("roles", List.of("TELLER", "AUDITOR", "ADMIN")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    public static RSAKey serviceKey() {
        return DevSigningKey.loadOrCreate(KEY_FILE);
    }

    /** Every attack by name: the token sent, or null for none at all. */
    public static Map<String, String> all() throws JOSEException {
        Instant now = Instant.now();
        RSAKey key = serviceKey();
        String valid = signed(key, ISSUER, now, now.plusSeconds(600));
        String[] parts = valid.split("\\.");
        String adminPayload = base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"attacker\"", "\"someone-else\""));
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        return Map.ofEntries(
                Map.entry("missing", ""),
                Map.entry("malformed", "not-a-jwt"),
                Map.entry("garbage segments", "abc.def.ghi"),
                Map.entry("expired", signed(key, ISSUER, now.minusSeconds(7200), now.minusSeconds(3600))),
                Map.entry("forged payload", parts[0] + "." + adminPayload + "." + parts[2]),
                Map.entry("foreign key", signed(foreign, ISSUER, now, now.plusSeconds(600))),
                Map.entry("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
                Map.entry("foreign issuer", signed(key, "https://issuer.example", now, now.plusSeconds(600))),
                Map.entry("not yet valid", signed(key, ISSUER, now.plusSeconds(3600), now.plusSeconds(7200))),
                // the same issuer's token for another of its clients, and an ID token for a web app
                Map.entry("foreign audience", signed(key, ISSUER, List.of("online-banking-app"), now,
                        now.plusSeconds(600))),
                Map.entry("no audience", signed(key, ISSUER, List.of(), now, now.plusSeconds(600))));
    }

    public static void assertUnauthenticated(HttpResponse<String> response, ObjectMapper json) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
