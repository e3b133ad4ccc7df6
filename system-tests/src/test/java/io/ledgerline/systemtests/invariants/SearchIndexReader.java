package io.ledgerline.systemtests.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.util.function.Supplier;

/** The Elasticsearch read models, read over Elasticsearch's own REST API through their aliases. */
public final class SearchIndexReader {

    private final Supplier<String> elasticsearch;

    /** @param elasticsearch asked again on every read, since the node may have been restarted */
    public SearchIndexReader(Supplier<String> elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** The account document's source, or an empty object when it is not indexed. */
    JsonNode account(String accountId) {
        JsonHttp.Reply reply = JsonHttp.get(URI.create(elasticsearch.get() + "/accounts/_doc/" + accountId));
        return reply.status() == 200 ? reply.body().path("_source") : JsonNodeFactory.instance.objectNode();
    }

    /** Count and signed sum of the statement lines indexed for an account. */
    Statement statement(String accountId) {
        JsonHttp.Reply reply = JsonHttp.post(URI.create(elasticsearch.get() + "/transactions/_search"),
                "{\"size\":0,\"track_total_hits\":true,\"query\":{\"term\":{\"accountId\":\"" + accountId + "\"}},"
                        + "\"aggs\":{\"types\":{\"terms\":{\"field\":\"type\",\"size\":10},"
                        + "\"aggs\":{\"minor\":{\"sum\":{\"field\":\"amountMinor\"}}}}}}");
        if (reply.status() != 200) {
            return new Statement(-1, null);
        }
        long minor = 0;
        for (JsonNode bucket : reply.body().path("aggregations").path("types").path("buckets")) {
            long sum = bucket.path("minor").path("value").decimalValue().longValueExact();
            minor += switch (bucket.path("key").asText()) {
                case "WITHDRAWAL", "TRANSFER_DEBIT" -> -sum;
                default -> sum;
            };
        }
        return new Statement(reply.body().path("hits").path("total").path("value").asLong(), BigDecimal.valueOf(minor, 2));
    }

    /** How many events of an aggregate the audit index holds. */
    long auditEvents(String aggregateId) {
        JsonHttp.Reply reply = JsonHttp.post(URI.create(elasticsearch.get() + "/audit/_count"),
                "{\"query\":{\"term\":{\"aggregateId\":\"" + aggregateId + "\"}}}");
        return reply.status() == 200 ? reply.body().path("count").asLong(-1) : -1;
    }

    record Statement(long lines, BigDecimal sum) {
    }
}
