package io.ledgerline.query.statements;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/**
 * The transfers' particulars of the transactions read model, behind the alias {@value #ALIAS}; built
 * and rebuilt with the transactions index, never answered by itself.
 */
@Component
public class StatementTransferIndex extends SearchIndex {

    public static final String ALIAS = "statement-transfers";

    StatementTransferIndex(ElasticsearchClient client) {
        super(client, ALIAS);
    }

    @Override
    protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
        return mapping
                .properties("transferId", p -> p.keyword(k -> k))
                .properties("sourceAccountId", p -> p.keyword(k -> k))
                .properties("destinationAccountId", p -> p.keyword(k -> k))
                .properties("description", p -> p.keyword(k -> k.index(false)))
                .properties("reference", p -> p.keyword(k -> k.index(false)))
                .properties("textOwner", p -> p.keyword(k -> k))
                .properties("textBeforeSealing", p -> p.boolean_(b -> b));
    }
}
