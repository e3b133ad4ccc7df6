package io.ledgerline.query.search.accounts;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Applies customer events: to the customers index, then to the documents of the customer's accounts. */
@Component
class CustomerOwnerChanges {

    private final CustomerSearchIndex customers;
    private final SearchWrites writes;
    private final AccountOwners owners;

    CustomerOwnerChanges(CustomerSearchIndex customers, SearchWrites writes, AccountOwners owners) {
        this.customers = customers;
        this.writes = writes;
        this.owners = owners;
    }

    void apply(ReceivedEvent event) throws IOException {
        Optional<CustomerDocument> document = documentOf(event);
        if (document.isEmpty()) {
            return;
        }
        customers.ensureExists();
        writes.write(BulkOperation.of(op -> op.index(i -> i
                .index(customers.target())
                .id(document.get().customerId())
                .versionType(VersionType.External)
                // external versions must be positive; sequences start at 0
                .version(event.sequence() + 1)
                .document(document.get()))));
        // also after a conflict: an earlier attempt may have stopped before the accounts were reached
        owners.reconcileAccountsOf(document.get().customerId());
    }

    private static Optional<CustomerDocument> documentOf(ReceivedEvent event) {
        if (event.payload() instanceof CustomerRegistered registered) {
            return Optional.of(new CustomerDocument(registered.customerId().value(), registered.name(),
                    registered.email(), false));
        }
        if (event.payload() instanceof CustomerDetailsChanged changed) {
            return Optional.of(new CustomerDocument(changed.customerId().value(), changed.name(), changed.email(),
                    false));
        }
        if (event.payload() instanceof CustomerErased erased) {
            return Optional.of(CustomerDocument.erased(erased.customerId().value()));
        }
        return Optional.empty();
    }
}
