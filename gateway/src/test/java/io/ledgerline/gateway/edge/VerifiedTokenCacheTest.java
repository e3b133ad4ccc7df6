package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration LONGEST_REUSE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingDecoder decoder = new CountingDecoder();

    @Nested
    class ATokenThatVerified {

        @Test
        void isVerifiedOnceAndItsClaimsServedAgainWhileItIsValid() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.expiresIn("token-a", Duration.ofHours(1));

            Jwt first = cache.decode("token-a");
            clock.advance(Duration.ofMinutes(4));
            Jwt again = cache.decode("token-a");

            assertThat(again).isSameAs(first);
            assertThat(decoder.calls).containsExactly("token-a");
        }

        @Test
        void isVerifiedAgainOnceItExpired() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.expiresIn("token-a", Duration.ofMinutes(2));
            cache.decode("token-a");

            clock.advance(Duration.ofMinutes(2));
            decoder.refuse("token-a");

            assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
            assertThat(decoder.calls).containsExactly("token-a", "token-a");
        }

        @Test
        void isVerifiedAgainAfterTheLongestReuseSoThatARemovedSigningKeyTakesEffect() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.expiresIn("token-a", Duration.ofHours(8));
            cache.decode("token-a");

            clock.advance(LONGEST_REUSE);
            cache.decode("token-a");

            assertThat(decoder.calls).containsExactly("token-a", "token-a");
        }

        @Test
        void withoutAnExpiryIsReusedForTheLongestReuseOnly() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.withoutExpiry("token-a");
            cache.decode("token-a");
            clock.advance(LONGEST_REUSE.minusSeconds(1));
            cache.decode("token-a");
            clock.advance(Duration.ofSeconds(1));
            cache.decode("token-a");

            assertThat(decoder.calls).containsExactly("token-a", "token-a");
        }

        @Test
        void isNotMistakenForAnotherToken() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.expiresIn("token-a", Duration.ofHours(1));
            decoder.expiresIn("token-b", Duration.ofHours(1));

            assertThat(cache.decode("token-a").getSubject()).isEqualTo("subject of token-a");
            assertThat(cache.decode("token-b").getSubject()).isEqualTo("subject of token-b");
            assertThat(decoder.calls).containsExactly("token-a", "token-b");
        }
    }

    @Nested
    class ARefusedToken {

        @Test
        void isNeverCachedAndIsCheckedAgainEachTime() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 100, LONGEST_REUSE, clock);
            decoder.refuse("forged");

            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
            assertThat(decoder.calls).containsExactly("forged", "forged");
            assertThat(cache.size()).isZero();
        }
    }

    @Nested
    class TheCache {

        @Test
        void holdsAtMostItsBoundOfTokens() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 3, LONGEST_REUSE, clock);
            for (int i = 0; i < 10; i++) {
                decoder.expiresIn("token-" + i, Duration.ofHours(1));
                cache.decode("token-" + i);
                assertThat(cache.size()).isLessThanOrEqualTo(3);
            }
            // the last token verified is among those kept
            cache.decode("token-9");
            assertThat(decoder.calls).hasSize(10);
        }

        @Test
        void makesRoomByDroppingExpiredTokensFirst() {
            VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 2, LONGEST_REUSE, clock);
            decoder.expiresIn("short", Duration.ofMinutes(1));
            decoder.expiresIn("long", Duration.ofHours(1));
            cache.decode("short");
            cache.decode("long");
            clock.advance(Duration.ofMinutes(2));
            decoder.expiresIn("new", Duration.ofHours(1));
            cache.decode("new");

            cache.decode("long");
            cache.decode("new");

            assertThat(decoder.calls).containsExactly("short", "long", "new");
        }
    }

    /** Answers a token's claims as it was told, or refuses it, and records every token it was asked to verify. */
    private final class CountingDecoder implements JwtDecoder {

        final List<String> calls = new ArrayList<>();
        private final Map<String, Instant> expiries = new HashMap<>();
        private final Set<String> refused = new HashSet<>();
        private final Set<String> withoutExpiry = new HashSet<>();

        void expiresIn(String token, Duration lifetime) {
            expiries.put(token, clock.instant().plus(lifetime));
            refused.remove(token);
        }

        void withoutExpiry(String token) {
            withoutExpiry.add(token);
        }

        void refuse(String token) {
            refused.add(token);
        }

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            if (refused.contains(token)) {
                throw new BadJwtException("refused: " + token);
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("subject of " + token)
                    .issuedAt(clock.instant());
            if (!withoutExpiry.contains(token)) {
                jwt.expiresAt(expiries.get(token));
            }
            return jwt.build();
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
