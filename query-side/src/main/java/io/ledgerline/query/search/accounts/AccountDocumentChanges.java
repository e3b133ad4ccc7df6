package io.ledgerline.query.search.accounts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Applies account events to account documents. Each write carries the event's aggregate sequence
 * plus one as external version, so a redelivered or older event is refused as a conflict.
 */
@Component
class AccountDocumentChanges {

    private final ElasticsearchClient client;
    private final AccountSearchIndex accounts;
    private final SearchWrites writes;
    private final AccountOwners owners;

    AccountDocumentChanges(ElasticsearchClient client, AccountSearchIndex accounts, SearchWrites writes,
            AccountOwners owners) {
        this.client = client;
        this.accounts = accounts;
        this.writes = writes;
        this.owners = owners;
    }

    void apply(ReceivedEvent event) throws IOException {
        Optional<AccountDocument> changed = changedDocument(event);
        if (changed.isEmpty()) {
            return;
        }
        AccountDocument document = changed.get().withOwner(owners.customer(changed.get().customerId()));
        writes.write(BulkOperation.of(op -> op.index(i -> i
                .index(accounts.target())
                .id(document.accountId())
                .versionType(VersionType.External)
                // external versions must be positive; sequences start at 0
                .version(event.sequence() + 1)
                .document(document))));
        // the customer may have changed since it was read; see AccountOwners
        owners.reconcile(document.accountId());
    }

    private Optional<AccountDocument> changedDocument(ReceivedEvent event) throws IOException {
        if (event.payload() instanceof AccountOpened opened) {
            accounts.ensureExists();
            return Optional.of(AccountDocument.opened(opened, event.timestamp()));
        }
        Optional<UnaryOperator<AccountDocument>> change = AccountChange.of(event.payload());
        if (change.isEmpty()) {
            return Optional.empty();
        }
        accounts.ensureExists();
        return Optional.of(change.get().apply(current(event)));
    }

    private AccountDocument current(ReceivedEvent event) throws IOException {
        GetResponse<AccountDocument> response = client.get(g -> g.index(accounts.target())
                .id(event.aggregateId()), AccountDocument.class);
        if (!response.found() || response.source() == null) {
            throw new AccountNotIndexed(event.aggregateId(), event.type(), event.sequence());
        }
        return response.source();
    }
}
