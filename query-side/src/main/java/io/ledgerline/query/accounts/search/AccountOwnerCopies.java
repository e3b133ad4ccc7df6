package io.ledgerline.query.accounts.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.ledgerline.query.search.SearchWriteFailed;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Copies a customer's current name and email into the documents of its accounts.
 *
 * <p>Account events and customer events travel in different partitions, so either may come first
 * and they may be projected at the same time, on different nodes. Both sides write first and read
 * the other side afterwards: the account side re-reads the customers after writing its accounts,
 * the customer side refreshes and searches the accounts after writing its customers. Whichever of
 * the two writes comes second, its reader sees the other write, so the owner always arrives in the
 * account.
 *
 * <p>An owner update keeps the account document's external version (it re-indexes with
 * {@code external_gte} and the version it read), so account events still apply by sequence. If an
 * account event lands in between, the update conflicts and is done again on the newer document.
 *
 * <p>An erasure must win whatever the order. Its side writes the erased customer before it looks
 * for accounts, and every owner update reads the customer again after it wrote: an update that
 * read the owner just before the erasure and lands just after the erasure masked the account (at
 * the same version, which {@code external_gte} accepts) sees the erased customer on that second
 * read and masks the account again.
 */
@Component
class AccountOwnerCopies {

    private static final int PAGE_SIZE = 500;
    private static final int ATTEMPTS = 5;

    private final ElasticsearchClient client;
    private final SearchWrites writes;
    private final StoredDocuments stored;
    private final AccountSearchIndex accounts;

    AccountOwnerCopies(ElasticsearchClient client, SearchWrites writes, StoredDocuments stored,
            AccountSearchIndex accounts) {
        this.client = client;
        this.writes = writes;
        this.stored = stored;
        this.accounts = accounts;
    }

    /** Gives every account of the customers, except those named, the customer's current owner data. */
    void reconcileAccountsOf(Collection<String> customerIds, Set<String> except) throws IOException {
        if (customerIds.isEmpty()) {
            return;
        }
        // accounts written just before must be visible to the search below
        client.indices().refresh(r -> r.index(accounts.target()));
        for (String accountId : accountIdsOf(customerIds)) {
            if (!except.contains(accountId)) {
                reconcile(accountId);
            }
        }
    }

    /** Gives one account its customer's current owner data, unless it already has it. */
    void reconcile(String accountId) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Versioned<AccountDocument> current = stored.accounts(List.of(accountId)).get(accountId);
            if (current == null) {
                // the account's own events bring the owner along when they arrive
                return;
            }
            String customerId = current.document().customerId();
            Optional<CustomerDocument> owner = Optional.ofNullable(stored.customers(List.of(customerId)).get(customerId))
                    .map(Versioned::document);
            AccountDocument updated = current.document().withOwner(owner);
            if (updated.equals(current.document())) {
                return;
            }
            // written or not, look again: the owner read above may have been erased meanwhile
            keepsVersion(updated, current.version());
        }
        throw new SearchWriteFailed(accountId, 409, "the account kept changing while its owner was updated");
    }

    private boolean keepsVersion(AccountDocument updated, long version) throws IOException {
        return writes.writeNow(BulkOperation.of(op -> op.index(i -> i
                .index(accounts.target())
                .id(updated.accountId())
                .versionType(VersionType.ExternalGte)
                .version(version)
                .document(updated))));
    }

    private List<String> accountIdsOf(Collection<String> customerIds) throws IOException {
        List<FieldValue> customers = customerIds.stream().map(FieldValue::of).toList();
        List<String> accountIds = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> page = client.search(s -> {
                s.index(accounts.target())
                        .size(PAGE_SIZE)
                        .source(src -> src.fetch(false))
                        .query(q -> q.terms(t -> t.field("customerId").terms(v -> v.value(customers))))
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
