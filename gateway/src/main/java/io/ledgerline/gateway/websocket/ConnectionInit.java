package io.ledgerline.gateway.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first message of a graphql-transport-ws socket as the gateway reads it, to check its token
 * before any node is contacted. It takes exactly the forms the query side's transport takes
 * ({@code SubscriptionAuthentication} there), so that a client following either side's documentation
 * is not refused by the other: {@code {"Authorization": "Bearer <jwt>"}} (the header's name in any
 * case, as HTTP clients spell it), {@code {"token": "<jwt>"}} (also named {@code authToken} or
 * {@code accessToken}, as client libraries name it; taken as it is, since the node decodes it as it
 * is), and any of these under {@code headers}. An Authorization entry of another scheme is refused,
 * as the node refuses it. A payload with several entries must carry one token in all of them: the
 * gateway must have checked the token the node will use, whichever entry the node picks.
 */
final class ConnectionInit {

    static final String TYPE = "connection_init";
    private static final String BEARER = "bearer ";
    private static final Set<String> TOKEN_ENTRIES = Set.of("token", "authToken", "accessToken");
    private static final String HEADERS = "headers";

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
        Set<String> tokens = new HashSet<>();
        if (!collectTokens(root.path("payload"), tokens) || tokens.size() != 1) {
            return Reading.of(Verdict.NO_TOKEN);
        }
        return new Reading(Verdict.TOKEN, tokens.iterator().next());
    }

    /** Adds the payload's tokens to {@code tokens}; false when an entry refuses the whole payload. */
    private static boolean collectTokens(JsonNode payload, Set<String> tokens) {
        if (!payload.isObject()) {
            return true;
        }
        var entries = payload.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equalsIgnoreCase("Authorization") && value.isTextual()) {
                Optional<String> token = bearer(value.asText().trim());
                if (token.isEmpty()) {
                    return false;
                }
                tokens.add(token.get());
            } else if (TOKEN_ENTRIES.contains(name) && value.isTextual()) {
                tokens.add(value.asText().trim());
            } else if (name.equals(HEADERS) && !collectTokens(value, tokens)) {
                return false;
            }
        }
        tokens.remove("");
        return true;
    }

    /** The header form needs the scheme, as an Authorization header does. */
    private static Optional<String> bearer(String authorization) {
        return authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()).trim()) : Optional.empty();
    }
}
