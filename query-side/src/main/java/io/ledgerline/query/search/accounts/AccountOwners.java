package io.ledgerline.query.search.accounts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ledgerline.query.search.SearchWriteFailed;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Copies a customer's current name and email into the documents of its accounts.
 *
 * <p>Account events and customer events travel in different partitions, so either may come first
 * and they may be projected at the same time. Both sides write first and read the other side
 * afterwards: the account side re-reads the customer after writing its account, the customer side
 * refreshes and searches the accounts after writing its customer. Whichever of the two writes
 * comes second, its reader sees the other write, so the owner always arrives in the account.
 *
 * <p>An owner update keeps the account document's external version (it re-indexes with
 * {@code external_gte} and the version it read), so account events still apply by sequence. If an
 * account event lands in between, the update conflicts and is done again on the newer document.
 */
@Component
class AccountOwners {

    private static final int PAGE_SIZE = 500;
    private static final int ATTEMPTS = 5;

    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final AccountSearchIndex accounts;
    private final CustomerSearchIndex customers;

    AccountOwners(ElasticsearchClient client, SearchWrites writes, AccountSearchIndex accounts,
            CustomerSearchIndex customers) {
        this.client = client;
        this.writes = writes;
        this.accounts = accounts;
        this.customers = customers;
    }

    Optional<CustomerDocument> customer(String customerId) throws IOException {
        customers.ensureExists();
        GetResponse<CustomerDocument> response = client.get(g -> g.index(customers.target()).id(customerId),
                CustomerDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** Gives every account of the customer the customer's current owner data. */
    void reconcileAccountsOf(String customerId) throws IOException {
        accounts.ensureExists();
        // accounts opened just before must be visible to the search below
        client.indices().refresh(r -> r.index(accounts.target()));
        for (String accountId : accountIdsOf(customerId)) {
            reconcile(accountId);
        }
    }

    /** Gives one account its customer's current owner data, unless it already has it. */
    void reconcile(String accountId) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            GetResponse<AccountDocument> current = client.get(g -> g.index(accounts.target()).id(accountId),
                    AccountDocument.class);
            if (!current.found() || current.source() == null) {
                // the account's own events bring the owner along when they arrive
                return;
            }
            AccountDocument updated = current.source().withOwner(customer(current.source().customerId()));
            if (updated.equals(current.source()) || keepsVersion(updated, current.version())) {
                return;
            }
        }
        throw new SearchWriteFailed(accountId, 409, "the account kept changing while its owner was updated");
    }

    private boolean keepsVersion(AccountDocument updated, Long version) throws IOException {
        return writes.write(BulkOperation.of(op -> op.index(i -> i
                .index(accounts.target())
                .id(updated.accountId())
                .versionType(VersionType.ExternalGte)
                .version(version)
                .document(updated))));
    }

    private List<String> accountIdsOf(String customerId) throws IOException {
        List<String> accountIds = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> page = client.search(s -> {
                s.index(accounts.target())
                        .size(PAGE_SIZE)
                        .source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field("customerId").value(customerId)))
                        .sort(o -> o.field(f -> f.field("accountId")));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = page.hits().hits();
            hits.forEach(hit -> accountIds.add(hit.id()));
            if (hits.size() < PAGE_SIZE) {
                return accountIds;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
