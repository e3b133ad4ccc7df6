package io.ledgerline.query.search.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Removes an erased customer's name and email from the audit copies of its events, so that neither
 * the stored payloads nor the free-text search give them away any longer.
 */
@Component
class CustomerDataRedaction {

    private static final List<String> PERSONAL_FIELDS = List.of("name", "email");
    // a customer has a handful of events: registration, detail changes, erasure
    private static final int MOST_EVENTS_OF_A_CUSTOMER = 10_000;

    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final AuditSearchIndex index;

    CustomerDataRedaction(ElasticsearchClient client, SearchWrites writes, AuditSearchIndex index) {
        this.client = client;
        this.writes = writes;
        this.index = index;
    }

    void redact(String customerId) throws IOException {
        // the customer's earlier events were written just before and must be visible to the search
        client.indices().refresh(r -> r.index(index.target()));
        SearchResponse<AuditDocument> events = client.search(s -> s
                .index(index.target())
                .size(MOST_EVENTS_OF_A_CUSTOMER)
                .query(q -> q.term(t -> t.field("aggregateId").value(customerId))), AuditDocument.class);
        for (Hit<AuditDocument> hit : events.hits().hits()) {
            AuditDocument document = hit.source();
            if (document != null && holdsPersonalData(document.payload())) {
                AuditDocument redacted = document.withPayload(withoutPersonalData(document.payload()));
                writes.write(BulkOperation.of(op -> op.index(i -> i
                        .index(index.target()).id(hit.id()).document(redacted))));
            }
        }
    }

    private static boolean holdsPersonalData(JsonNode payload) {
        return PERSONAL_FIELDS.stream().anyMatch(field -> payload.hasNonNull(field));
    }

    private static JsonNode withoutPersonalData(JsonNode payload) {
        ObjectNode redacted = payload.deepCopy();
        PERSONAL_FIELDS.forEach(redacted::putNull);
        return redacted;
    }
}
