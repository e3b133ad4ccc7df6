package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * The first message of a graphql-transport-ws socket as the gateway reads it, to check its token
 * before any node is contacted. The token is accepted in the two forms clients use in the
 * {@code connection_init} payload (the query side's transport is to take the same two):
 * {@code {"Authorization": "Bearer
 * <jwt>"}} (the header's name in any case, as HTTP clients spell it) and {@code {"token": "<jwt>"}}
 * (with or without the {@code Bearer } prefix). A payload with both must carry one token: the gateway
 * must have checked the token the node will use.
 */
final class ConnectionInit {

    static final String TYPE = "connection_init";
    private static final String BEARER = "bearer ";

    enum Verdict {
        /** A connection_init with one token in an accepted form. */
        TOKEN,
        /** Not JSON, or no message type: the protocol's 4400. */
        MALFORMED,
        /** Another message first (a subscribe before the connection is acknowledged): the protocol's 4401. */
        NOT_CONNECTION_INIT,
        /** A connection_init without a token, or with two different ones: 4401. */
        NO_TOKEN
    }

    record Reading(Verdict verdict, String token) {

        static Reading of(Verdict verdict) {
            return new Reading(verdict, null);
        }
    }

    private ConnectionInit() {
    }

    static Reading read(String message, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JsonProcessingException notJson) {
            return Reading.of(Verdict.MALFORMED);
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            return Reading.of(Verdict.MALFORMED);
        }
        if (!TYPE.equals(root.get("type").asText())) {
            return Reading.of(Verdict.NOT_CONNECTION_INIT);
        }
        JsonNode payload = root.path("payload");
        Optional<String> fromHeader = authorizationOf(payload).flatMap(ConnectionInit::bearer);
        Optional<String> fromToken = textOf(payload.get("token")).map(ConnectionInit::withoutBearerPrefix);
        if (fromHeader.isPresent() && fromToken.isPresent() && !fromHeader.get().equals(fromToken.get())) {
            return Reading.of(Verdict.NO_TOKEN);
        }
        return fromHeader.or(() -> fromToken).filter(token -> !token.isBlank())
                .map(token -> new Reading(Verdict.TOKEN, token))
                .orElse(Reading.of(Verdict.NO_TOKEN));
    }

    private static Optional<String> authorizationOf(JsonNode payload) {
        if (!payload.isObject()) {
            return Optional.empty();
        }
        var names = payload.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase("Authorization")) {
                return textOf(payload.get(name));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> textOf(JsonNode value) {
        return value != null && value.isTextual() ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    /** The header form needs the scheme, as an Authorization header does. */
    private static Optional<String> bearer(String authorization) {
        return authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()).trim()) : Optional.empty();
    }

    private static String withoutBearerPrefix(String token) {
        return token.toLowerCase(Locale.ROOT).startsWith(BEARER) ? token.substring(BEARER.length()).trim() : token;
    }
}
