package io.ledgerline.query.statements;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.ledgerline.query.accounts.StatementLine;
import io.ledgerline.query.search.accounts.AccountDocument;
import io.ledgerline.query.search.accounts.AccountSearchIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Names the counterparty of the transfer lines a search answers, from the owner's name that the
 * accounts index keeps for each account: read when answered, so that the counterparty's erasure, or
 * a change of name, shows on every line without rewriting one, as on the SQL statement.
 */
@Component
public class SearchCounterpartyNames {

    private final ElasticsearchClient client;
    private final AccountSearchIndex accounts;

    SearchCounterpartyNames(ElasticsearchClient client, AccountSearchIndex accounts) {
        this.client = client;
        this.accounts = accounts;
    }

    public List<StatementLine> named(List<StatementLine> lines) throws IOException {
        Set<String> counterparties = new LinkedHashSet<>();
        lines.stream().map(StatementLine::counterpartyAccountId).filter(Objects::nonNull).forEach(counterparties::add);
        if (counterparties.isEmpty()) {
            return lines;
        }
        accounts.ensureExists();
        Map<String, String> names = new HashMap<>();
        MgetResponse<AccountDocument> response = client.mget(m -> m.index(AccountSearchIndex.ALIAS)
                .ids(new ArrayList<>(counterparties)), AccountDocument.class);
        for (MultiGetResponseItem<AccountDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Elasticsearch could not read account " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                names.put(item.result().id(), item.result().source().ownerName());
            }
        }
        return lines.stream().map(line -> line.counterpartyAccountId() == null ? line
                : line.withCounterpartyName(names.get(line.counterpartyAccountId()))).toList();
    }
}
