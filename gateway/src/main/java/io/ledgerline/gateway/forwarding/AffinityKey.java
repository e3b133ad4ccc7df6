package io.ledgerline.gateway.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aggregate a command works on, so that the commands of one aggregate reach the node whose caches
 * hold it: the account, customer or transfer id of the path, and for a new transfer the paying
 * account of the body, whose balance the transfer's first step checks. Correctness never depends on
 * it: the event store refuses concurrent writers of one aggregate on any node.
 */
final class AffinityKey {

    private static final Pattern AGGREGATE_PATH = Pattern.compile("^/api/(accounts|customers|transfers)/([^/]+)(/.*)?$");
    private static final String TRANSFERS = "/api/transfers";

    private AffinityKey() {
    }

    static Optional<String> of(String method, String path, byte[] body, ObjectMapper json) {
        Matcher aggregate = AGGREGATE_PATH.matcher(path);
        if (aggregate.matches()) {
            return Optional.of(kind(aggregate.group(1)) + ":" + aggregate.group(2));
        }
        if ("POST".equals(method) && TRANSFERS.equals(path) && body.length > 0) {
            return payingAccount(body, json).map(account -> "account:" + account);
        }
        return Optional.empty();
    }

    private static String kind(String collection) {
        return collection.substring(0, collection.length() - 1);
    }

    /** A body that is no JSON object names no account; the command side answers it 400 whichever node gets it. */
    private static Optional<String> payingAccount(byte[] body, ObjectMapper json) {
        try {
            JsonNode from = json.readTree(body).path("fromAccountId");
            return from.isTextual() ? Optional.of(from.asText()) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }
}
