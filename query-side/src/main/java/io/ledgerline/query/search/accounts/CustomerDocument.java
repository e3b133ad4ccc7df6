package io.ledgerline.query.search.accounts;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.LedgerEvent;
import java.util.Optional;

/**
 * A customer's current name and email, kept so that an account opened after its customer's events
 * can take them over. Erasure keeps the document with the personal data removed, so that an older
 * redelivered event cannot bring the data back (its external version is lower).
 */
record CustomerDocument(String customerId, String name, String email, boolean erased) {

    static CustomerDocument erased(String customerId) {
        return new CustomerDocument(customerId, null, null, true);
    }

    /** The document a customer event leaves; empty for events of other aggregates. */
    static Optional<CustomerDocument> after(LedgerEvent payload) {
        if (payload instanceof CustomerRegistered registered) {
            return Optional.of(new CustomerDocument(registered.customerId().value(), registered.name(),
                    registered.email(), false));
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            return Optional.of(new CustomerDocument(changed.customerId().value(), changed.name(), changed.email(),
                    false));
        }
        if (payload instanceof CustomerErased erased) {
            return Optional.of(erased(erased.customerId().value()));
        }
        return Optional.empty();
    }
}
