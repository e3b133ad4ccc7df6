package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;

/** The SQL read model as the query API serves it. */
public final class QuerySideReader {

    private final URI querySide;

    public QuerySideReader(URI querySide) {
        this.querySide = querySide;
    }

    /** The account, or an empty object while the read model does not know it. */
    JsonNode account(String accountId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/accounts/" + accountId));
        return reply.status() == 200 ? reply.body() : missing(reply);
    }

    long statementLines(String accountId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/accounts/" + accountId + "/transactions?size=1"));
        return reply.status() == 200 ? reply.body().path("totalItems").asLong(-1) : -1;
    }

    JsonNode transfer(String transferId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/transfers/" + transferId));
        return reply.status() == 200 ? reply.body() : missing(reply);
    }

    /** Every projection with its lag and parked events. */
    JsonNode projections() {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/admin/projections"));
        if (reply.status() != 200) {
            throw new IllegalStateException("The projections' status answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    public int accountStatus(String accountId) {
        return JsonHttp.status(querySide.resolve("/api/accounts/" + accountId));
    }

    public int accountSearchStatus(String accountId) {
        return JsonHttp.status(querySide.resolve("/api/search/accounts?q=" + accountId));
    }

    private static JsonNode missing(JsonHttp.Reply reply) {
        return JsonNodeFactory.instance.objectNode().put("httpStatus", reply.status());
    }
}
