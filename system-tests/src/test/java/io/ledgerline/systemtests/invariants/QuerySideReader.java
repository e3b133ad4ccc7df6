package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ledgerline.testsupport.apidocs.ApiContract;
import java.net.URI;

/** The SQL read model as the query API serves it. */
public final class QuerySideReader {

    /** Every answer read here is held to the query side's committed document. */
    private static final ApiContract QUERY_SIDE = ApiContract.querySide();

    private final URI querySide;
    private final String token;

    /** @param token a bearer token with the roles TELLER (the reads) and ADMIN (the projections' status) */
    public QuerySideReader(URI querySide, String token) {
        this.querySide = querySide;
        this.token = token;
    }

    /** The account, or an empty object while the read model does not know it. */
    JsonNode account(String accountId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/accounts/" + accountId), token, QUERY_SIDE);
        return reply.status() == 200 ? reply.body() : missing(reply);
    }

    long statementLines(String accountId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/accounts/" + accountId + "/transactions?size=1"), token, QUERY_SIDE);
        return reply.status() == 200 ? reply.body().path("totalItems").asLong(-1) : -1;
    }

    JsonNode transfer(String transferId) {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/transfers/" + transferId), token, QUERY_SIDE);
        return reply.status() == 200 ? reply.body() : missing(reply);
    }

    /** Every projection with its lag and parked events. */
    JsonNode projections() {
        JsonHttp.Reply reply = JsonHttp.get(querySide.resolve("/api/admin/projections"), token, QUERY_SIDE);
        if (reply.status() != 200) {
            throw new IllegalStateException("The projections' status answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    public int accountStatus(String accountId) {
        return JsonHttp.status(querySide.resolve("/api/accounts/" + accountId), token, QUERY_SIDE);
    }

    public int accountSearchStatus(String accountId) {
        return JsonHttp.status(querySide.resolve("/api/search/accounts?q=" + accountId), token, QUERY_SIDE);
    }

    private static JsonNode missing(JsonHttp.Reply reply) {
        return JsonNodeFactory.instance.objectNode().put("httpStatus", reply.status());
    }
}
