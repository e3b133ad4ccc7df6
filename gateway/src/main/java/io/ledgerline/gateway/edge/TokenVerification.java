package io.ledgerline.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The gateway checks a token with the services' decoder (the development issuer's key, or the
 * configured issuer's key set and audience), once per token: a client sends the same token with
 * every request for as long as it lives.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    static final String MAX_TOKENS = "ledgerline.gateway.verified-tokens.max-tokens";
    static final String LONGEST_REUSE = "ledgerline.gateway.verified-tokens.longest-reuse";

    /** Static: a post-processor must exist before the decoder it wraps. */
    @Bean
    static BeanPostProcessor verifyEachTokenOnce(Environment environment) {
        int maxTokens = environment.getProperty(MAX_TOKENS, Integer.class, 10_000);
        Duration longestReuse = environment.getProperty(LONGEST_REUSE, Duration.class, Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache) && maxTokens > 0) {
                    return new VerifiedTokenCache(decoder, maxTokens, longestReuse, Clock.systemUTC());
                }
                return bean;
            }
        };
    }
}
