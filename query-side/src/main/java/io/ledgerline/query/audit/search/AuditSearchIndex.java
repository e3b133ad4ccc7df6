package io.ledgerline.query.audit.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/** The audit index behind the alias {@value #ALIAS}. */
@Component
public class AuditSearchIndex extends SearchIndex {

    public static final String ALIAS = "audit";

    AuditSearchIndex(ElasticsearchClient client) {
        super(client, ALIAS);
    }

    @Override
    protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
        return mapping
                .properties("eventId", p -> p.keyword(k -> k))
                .properties("type", p -> p.keyword(k -> k))
                .properties("aggregateType", p -> p.keyword(k -> k))
                .properties("aggregateId", p -> p.keyword(k -> k))
                .properties("sequence", p -> p.long_(l -> l))
                .properties("globalPosition", p -> p.long_(l -> l))
                .properties("timestamp", p -> p.date(d -> d))
                .properties("user", p -> p.keyword(k -> k))
                .properties("correlationId", p -> p.keyword(k -> k))
                .properties("causationId", p -> p.keyword(k -> k))
                // metadata keys differ between events and grow over time; flattened takes any of them
                .properties("metadata", p -> p.flattened(f -> f))
                .properties("payload", p -> p.object(o -> o.enabled(false)))
                .properties(AuditDocument.PAYLOAD_TEXT, p -> p.text(t -> t.analyzer("standard")))
                .properties(AuditDocument.TEXT_OWNER, p -> p.keyword(k -> k));
    }
}
