package io.ledgerline.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies each bearer token once and serves its claims again while it is valid. The RSA signature
 * check, the Base64 decoding and the JSON parsing of a token were a quarter of the gateway's CPU per
 * forwarded request, paid again for every request of a client that sends the same token for hours.
 *
 * <p>Only a token the decoder accepted is kept, never a refused one, and only until it expires or,
 * sooner, for the longest reuse: a signing key the issuer removed from its key set stops being
 * accepted within that, as the decoder's own key set cache would have it. The key is the token's
 * SHA-256, so the cache holds no usable credential. It holds at most {@code maxTokens}; when full it
 * drops the expired entries first, then any.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private record Verified(Jwt jwt, Instant reusableUntil) {
    }

    private final JwtDecoder decoder;
    private final int maxTokens;
    private final Duration longestReuse;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder decoder, int maxTokens, Duration longestReuse, Clock clock) {
        this.decoder = decoder;
        this.maxTokens = maxTokens;
        this.longestReuse = longestReuse;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        String key = sha256(token);
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && now.isBefore(known.reusableUntil())) {
            return known.jwt();
        }
        // a refusal is thrown here and nothing is kept
        Jwt jwt = decoder.decode(token);
        Instant reusableUntil = now.plus(longestReuse);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(reusableUntil)) {
            reusableUntil = jwt.getExpiresAt();
        }
        makeRoom(now);
        verified.put(key, new Verified(jwt, reusableUntil));
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(Instant now) {
        if (verified.size() < maxTokens) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.reusableUntil()));
        Iterator<String> any = verified.keySet().iterator();
        while (verified.size() >= maxTokens && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
