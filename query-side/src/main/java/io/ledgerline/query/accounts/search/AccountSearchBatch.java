package io.ledgerline.query.accounts.search;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.DeferredDocuments;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The account and customer events of one batch, applied together: the documents they touch are
 * read in one request, the events applied to them in order, and each changed document written
 * once, with the external version of the last event applied to it. An event whose version the
 * document already has changes nothing, so replays and duplicates are not counted twice.
 */
final class AccountSearchBatch implements DeferredDocuments {

    private final AccountSearchIndex accountIndex;
    private final CustomerSearchIndex customerIndex;
    private final StoredDocuments stored;
    private final AccountOwnerCopies owners;
    private final PersonalDataOpener opener;
    private final List<ReceivedEvent> events = new ArrayList<>();
    private final Map<String, AccountDocument> writtenAccounts = new LinkedHashMap<>();
    private final Set<String> changedCustomers = new LinkedHashSet<>();

    AccountSearchBatch(AccountSearchIndex accountIndex, CustomerSearchIndex customerIndex, StoredDocuments stored,
            AccountOwnerCopies owners, PersonalDataOpener opener) {
        this.accountIndex = accountIndex;
        this.customerIndex = customerIndex;
        this.stored = stored;
        this.owners = owners;
        this.opener = opener;
    }

    /** Whether the event changes an account or a customer document. */
    static boolean concerns(ReceivedEvent event) {
        return event.payload() instanceof AccountOpened || AccountChange.of(event.payload()).isPresent()
                || CustomerDocument.concerns(event.payload());
    }

    void add(ReceivedEvent event) {
        events.add(event);
    }

    @Override
    public List<BulkOperation> operations() throws IOException {
        writtenAccounts.clear();
        changedCustomers.clear();
        if (events.isEmpty()) {
            return List.of();
        }
        accountIndex.ensureExists();
        customerIndex.ensureExists();
        Map<String, Versioned<AccountDocument>> accounts = new HashMap<>(stored.accounts(accountIds()));
        Map<String, Versioned<CustomerDocument>> customers = new HashMap<>(stored.customers(customerIds(accounts)));
        Set<String> changedAccounts = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            if (applyToCustomer(event, customers)) {
                changedCustomers.add(event.aggregateId());
            } else if (applyToAccount(event, accounts)) {
                changedAccounts.add(event.aggregateId());
            }
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (String customerId : changedCustomers) {
            operations.add(index(customerIndex.target(), customerId, customers.get(customerId)));
        }
        for (String accountId : changedAccounts) {
            Versioned<AccountDocument> account = accounts.get(accountId);
            AccountDocument document = account.document().withOwner(ownerOf(account.document(), customers));
            writtenAccounts.put(accountId, document);
            operations.add(index(accountIndex.target(), accountId, new Versioned<>(document, account.version())));
        }
        return operations;
    }

    /** See {@link AccountOwnerCopies}: each side reads the other after its own writes. */
    @Override
    public void written() throws IOException {
        Set<String> customerIds = new LinkedHashSet<>();
        writtenAccounts.values().forEach(account -> customerIds.add(account.customerId()));
        Map<String, Versioned<CustomerDocument>> current = stored.customers(customerIds);
        for (AccountDocument account : writtenAccounts.values()) {
            if (!account.equals(account.withOwner(ownerOf(account, current)))) {
                owners.reconcile(account.accountId());
            }
        }
        owners.reconcileAccountsOf(changedCustomers, writtenAccounts.keySet());
    }

    private boolean applyToCustomer(ReceivedEvent event, Map<String, Versioned<CustomerDocument>> customers) {
        if (!CustomerDocument.concerns(event.payload())) {
            return false;
        }
        long version = externalVersion(event);
        Versioned<CustomerDocument> known = customers.get(event.aggregateId());
        if (known != null && known.version() >= version) {
            return false;
        }
        CustomerDocument after = CustomerDocument.after(event.payload(), opener).orElseThrow();
        customers.put(event.aggregateId(), new Versioned<>(after, version));
        return true;
    }

    private boolean applyToAccount(ReceivedEvent event, Map<String, Versioned<AccountDocument>> accounts) {
        Versioned<AccountDocument> known = accounts.get(event.aggregateId());
        if (event.payload() instanceof AccountOpened opened) {
            if (known != null) {
                return false;
            }
            accounts.put(event.aggregateId(), new Versioned<>(AccountDocument.opened(opened, event.timestamp()),
                    externalVersion(event)));
            return true;
        }
        Optional<UnaryOperator<AccountDocument>> change = AccountChange.of(event.payload());
        if (change.isEmpty()) {
            return false;
        }
        if (known == null) {
            throw new AccountNotIndexed(event.aggregateId(), event.type(), event.sequence());
        }
        if (known.version() >= externalVersion(event)) {
            return false;
        }
        accounts.put(event.aggregateId(), new Versioned<>(change.get().apply(known.document()), externalVersion(event)));
        return true;
    }

    private Set<String> accountIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            if (!CustomerDocument.concerns(event.payload())) {
                ids.add(event.aggregateId());
            }
        }
        return ids;
    }

    private Set<String> customerIds(Map<String, Versioned<AccountDocument>> accounts) {
        Set<String> ids = new LinkedHashSet<>();
        accounts.values().forEach(account -> ids.add(account.document().customerId()));
        for (ReceivedEvent event : events) {
            if (event.payload() instanceof AccountOpened opened) {
                ids.add(opened.customerId().value());
            } else if (CustomerDocument.concerns(event.payload())) {
                ids.add(event.aggregateId());
            }
        }
        return ids;
    }

    private static Optional<CustomerDocument> ownerOf(AccountDocument account,
            Map<String, Versioned<CustomerDocument>> customers) {
        return Optional.ofNullable(customers.get(account.customerId())).map(Versioned::document);
    }

    // external versions must be positive; sequences start at 0
    private static long externalVersion(ReceivedEvent event) {
        return event.sequence() + 1;
    }

    private static <T> BulkOperation index(String index, String id, Versioned<T> document) {
        Objects.requireNonNull(document, id);
        return BulkOperation.of(op -> op.index(i -> i
                .index(index)
                .id(id)
                .versionType(VersionType.External)
                .version(document.version())
                .document(document.document())));
    }
}
