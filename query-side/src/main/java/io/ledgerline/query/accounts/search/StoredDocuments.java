package io.ledgerline.query.accounts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads account and customer documents by id, many in one request. Gets by id are real-time: they
 * see every acknowledged write without waiting for a refresh.
 */
@Component
public class StoredDocuments {

    private final ElasticsearchClient client;
    private final AccountSearchIndex accounts;
    private final CustomerSearchIndex customers;

    StoredDocuments(ElasticsearchClient client, AccountSearchIndex accounts, CustomerSearchIndex customers) {
        this.client = client;
        this.accounts = accounts;
        this.customers = customers;
    }

    /** The accounts found among the given ids; an id without a document is left out. */
    public Map<String, Versioned<AccountDocument>> accounts(Collection<String> accountIds) throws IOException {
        // an index not created yet holds nothing; reading it must not fail the projection that asks
        accounts.ensureExists();
        return read(accounts.target(), accountIds, AccountDocument.class);
    }

    /** The customers found among the given ids; an id without a document is left out. */
    public Map<String, Versioned<CustomerDocument>> customers(Collection<String> customerIds) throws IOException {
        customers.ensureExists();
        return read(customers.target(), customerIds, CustomerDocument.class);
    }

    private <T> Map<String, Versioned<T>> read(String index, Collection<String> ids, Class<T> type) throws IOException {
        Map<String, Versioned<T>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        MgetResponse<T> response = client.mget(m -> m.index(index).ids(new ArrayList<>(ids)), type);
        for (MultiGetResponseItem<T> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException("Elasticsearch could not read " + item.failure().id() + " from " + index + ": "
                        + item.failure().error().reason());
            }
            GetResult<T> result = item.result();
            if (result.found() && result.source() != null && result.version() != null) {
                found.put(result.id(), new Versioned<>(result.source(), result.version()));
            }
        }
        return found;
    }
}
