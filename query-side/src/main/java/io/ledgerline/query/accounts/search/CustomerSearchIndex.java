package io.ledgerline.query.accounts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/**
 * The customers index behind the alias {@value #ALIAS}: only read by id, to give accounts their
 * owner, so nothing in it is searchable.
 */
@Component
class CustomerSearchIndex extends SearchIndex {

    static final String ALIAS = "customers";

    CustomerSearchIndex(ElasticsearchClient client) {
        super(client, ALIAS);
    }

    @Override
    protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
        return mapping
                .properties("customerId", p -> p.keyword(k -> k))
                .properties("name", p -> p.keyword(k -> k.index(false)))
                .properties("email", p -> p.keyword(k -> k.index(false)))
                .properties("erased", p -> p.boolean_(b -> b));
    }
}
