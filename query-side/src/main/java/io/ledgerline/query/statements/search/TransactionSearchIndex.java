package io.ledgerline.query.statements.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import io.ledgerline.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/** The transactions index behind the alias {@value #ALIAS}. */
@Component
public class TransactionSearchIndex extends SearchIndex {

    public static final String ALIAS = "transactions";

    TransactionSearchIndex(ElasticsearchClient client) {
        super(client, ALIAS);
    }

    @Override
    protected TypeMapping.Builder properties(TypeMapping.Builder mapping) {
        return mapping
                .properties("accountId", p -> p.keyword(k -> k))
                .properties("sequence", p -> p.long_(l -> l))
                .properties("type", p -> p.keyword(k -> k))
                .properties("amount", p -> p.keyword(k -> k))
                .properties("amountMinor", p -> p.long_(l -> l))
                .properties(TransactionDocument.RANGE_FIELD, p -> p.keyword(k -> k))
                .properties(TransactionDocument.SUM_LOW, p -> p.long_(l -> l))
                .properties(TransactionDocument.SUM_MID, p -> p.long_(l -> l))
                .properties(TransactionDocument.SUM_HIGH, p -> p.long_(l -> l))
                .properties("currency", p -> p.keyword(k -> k))
                .properties("balanceAfter", p -> p.keyword(k -> k))
                .properties("description", p -> p.text(t -> t.analyzer("standard")))
                .properties("reference", p -> p.text(t -> t.analyzer("standard")))
                .properties("externalReference", p -> p.keyword(k -> k))
                .properties("transferId", p -> p.keyword(k -> k))
                .properties("counterpartyAccountId", p -> p.keyword(k -> k))
                .properties("reasonCode", p -> p.keyword(k -> k))
                .properties("reason", p -> p.text(t -> t.analyzer("standard")))
                .properties("timestamp", p -> p.date(d -> d))
                .properties("eventId", p -> p.keyword(k -> k))
                .properties(TransactionDocument.TEXT_OWNER, p -> p.keyword(k -> k))
                .properties("textBeforeSealing", p -> p.boolean_(b -> b));
    }
}
