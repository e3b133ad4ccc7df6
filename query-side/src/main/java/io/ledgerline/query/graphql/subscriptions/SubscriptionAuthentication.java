package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.support.security.CallerAuthentication;
import io.ledgerline.support.security.RoleClaimsConverter;
import io.ledgerline.support.security.Roles;
import io.ledgerline.support.security.SecurityProperties;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authenticates a GraphQL WebSocket at {@code connection_init} with the JWT in its payload
 * ({@code {"Authorization": "Bearer <token>"}}, {@code {"token": "<token>"}} or the same under {@code headers}),
 * verified exactly as a bearer token of an HTTP request, or with the token the upgrade request carried (the
 * HTTP filter chain verified that one). Without a valid token the socket is closed with 4401. Each operation
 * on the socket then runs as that caller, with the roles REST's reads require; the caller's token bounds
 * how long a subscription lives (see {@link LiveSubscriptions}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    static final String CALLER = SubscriptionAuthentication.class.getName() + ".caller";
    // the key Spring Security's ThreadLocalAccessor reads the security context from
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();
    private static final Pattern BEARER = Pattern.compile("^Bearer ([A-Za-z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
    private static final List<String> READERS = List.of(Roles.CUSTOMER, Roles.TELLER, Roles.AUDITOR);

    private final JwtDecoder decoder;
    private final RoleClaimsConverter callers;
    private final Clock clock;

    SubscriptionAuthentication(JwtDecoder decoder, SecurityProperties properties, Clock clock) {
        this.decoder = decoder;
        this.callers = new RoleClaimsConverter(properties.rolesClaim(), properties.customerClaim());
        this.clock = clock;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Authentication caller;
        try {
            caller = tokenIn(payload).map(this::authenticate).orElseGet(SubscriptionAuthentication::fromUpgrade);
        } catch (JwtException | BadCredentialsException refused) {
            return Mono.error(refused);
        }
        if (caller == null) {
            return Mono.error(new BadCredentialsException("No bearer token in connection_init or on the upgrade"));
        }
        session.getAttributes().put(CALLER, new SecurityContextImpl(caller));
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)
                || !(socket.getSessionInfo().getAttributes().get(CALLER) instanceof SecurityContext context)) {
            return chain.next(request);
        }
        if (!(context.getAuthentication() instanceof CallerAuthentication caller)
                || caller.caller().roles().stream().noneMatch(READERS::contains)) {
            return Mono.just(Refusals.of(request, ErrorType.FORBIDDEN, ErrorCodes.FORBIDDEN, "None of the token's roles may read"));
        }
        Instant expiresAt = caller.getToken().getExpiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            return Mono.just(Refusals.of(request, ErrorType.UNAUTHORIZED, SubscriptionEnded.TOKEN_EXPIRED,
                    "The token this socket was opened with has expired; reconnect with a new one"));
        }
        return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT, context));
    }

    private Authentication authenticate(String token) {
        return callers.convert(decoder.decode(token));
    }

    private static Authentication fromUpgrade() {
        Authentication upgrade = SecurityContextHolder.getContext().getAuthentication();
        return upgrade instanceof CallerAuthentication ? upgrade : null;
    }

    private static Optional<String> tokenIn(Map<String, Object> payload) {
        if (payload == null) {
            return Optional.empty();
        }
        Optional<String> token = Optional.empty();
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase("authorization") && entry.getValue() instanceof String value) {
                Matcher bearer = BEARER.matcher(value.trim());
                if (!bearer.matches()) {
                    throw new BadCredentialsException("Authorization is not a bearer token");
                }
                token = Optional.of(bearer.group(1));
            } else if ((key.equals("token") || key.equals("authToken") || key.equals("accessToken"))
                    && entry.getValue() instanceof String value && token.isEmpty()) {
                token = Optional.of(value.trim());
            } else if (key.equals("headers") && entry.getValue() instanceof Map<?, ?> headers && token.isEmpty()) {
                token = tokenIn(stringKeys(headers));
            }
        }
        return token;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return map.keySet().stream().allMatch(String.class::isInstance) ? (Map<String, Object>) map : Map.of();
    }
}
