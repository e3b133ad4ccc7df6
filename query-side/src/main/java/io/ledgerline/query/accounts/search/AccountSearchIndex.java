package io.ledgerline.query.accounts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/** The accounts index behind the alias {@value #ALIAS}. */
@Component
public class AccountSearchIndex extends SearchIndex {

    public static final String ALIAS = "accounts";

    AccountSearchIndex(ElasticsearchClient client) {
        super(client, ALIAS);
    }

    @Override
    protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
        return mapping
                .properties("accountId", p -> p.keyword(k -> k))
                .properties("customerId", p -> p.keyword(k -> k))
                .properties("ownerName", p -> p.text(t -> t.analyzer("standard")))
                .properties("ownerEmail", p -> p.text(t -> t.analyzer("standard")))
                .properties("currency", p -> p.keyword(k -> k))
                .properties("status", p -> p.keyword(k -> k))
                .properties("balance", p -> p.keyword(k -> k))
                .properties("openedAt", p -> p.date(d -> d));
    }
}
