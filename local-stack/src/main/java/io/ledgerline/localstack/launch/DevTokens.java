package io.ledgerline.localstack.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Asks the command side's development token issuer ({@code POST /api/dev/tokens}, local profile
 * only) for a signed token; what the system tests, the benchmark and {@code ./run-local} users send
 * as {@code Authorization: Bearer <token>}.
 */
public final class DevTokens {

    public static final String PATH = "/api/dev/tokens";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A JWT is three base64url segments, so the token never holds a character that needs JSON escaping. */
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_\\-.]+)\"");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:@\\-]+");

    private DevTokens() {
    }

    /**
     * @param subject    letters, digits or {@code ._:@-}
     * @param customerId the customer of a CUSTOMER token, else null
     */
    public static String request(URI commandSide, String subject, List<String> roles, String customerId) {
        if (!PLAIN.matcher(subject).matches() || (customerId != null && !PLAIN.matcher(customerId).matches())) {
            throw new IllegalArgumentException("Subjects and customer ids of development tokens are plain tokens");
        }
        String body = "{\"subject\":\"" + subject + "\",\"roles\":["
                + roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",")) + "]"
                + (customerId == null ? "" : ",\"customerId\":\"" + customerId + "\"") + "}";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(commandSide.resolve(PATH))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("The development token issuer answered " + response.statusCode() + ": "
                        + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("The development token issuer at " + commandSide + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a development token", e);
        }
    }

    /** The curl command that asks for a token, as ./run-local prints it. */
    public static String curl(URI commandSide) {
        return "curl -s -X POST " + commandSide.resolve(PATH) + " -H 'Content-Type: application/json' "
                + "-d '{\"subject\":\"teller-1\",\"roles\":[\"TELLER\",\"AUDITOR\",\"ADMIN\"]}'";
    }
}
