package io.ledgerline.query.accounts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.ledgerline.query.accounts.search.AccountDocument;
import io.ledgerline.query.accounts.search.AccountSearchIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The owners' names that the accounts index keeps for each account, for other features' search
 * answers: read when answered, so that an owner's erasure, or a change of name, shows at once.
 */
@Component
public class IndexedOwnerNames {

    private final ElasticsearchClient client;
    private final AccountSearchIndex accounts;

    IndexedOwnerNames(ElasticsearchClient client, AccountSearchIndex accounts) {
        this.client = client;
        this.accounts = accounts;
    }

    /** The owner's name of each given account that is indexed; an account not indexed is left out. */
    public Map<String, String> ofAccounts(Collection<String> accountIds) throws IOException {
        Map<String, String> names = new HashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        accounts.ensureExists();
        MgetResponse<AccountDocument> response = client.mget(m -> m.index(AccountSearchIndex.ALIAS)
                .ids(new ArrayList<>(accountIds)), AccountDocument.class);
        for (MultiGetResponseItem<AccountDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Elasticsearch could not read account " + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
            if (item.result().found() && item.result().source() != null) {
                names.put(item.result().id(), item.result().source().ownerName());
            }
        }
        return names;
    }
}
