package io.ledgerline.query.accounts.search;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.Optional;

/**
 * A customer's current name and email, kept so that an account opened after its customer's events
 * can take them over. Erasure keeps the document with the personal data removed, so that an older
 * redelivered event cannot bring the data back (its external version is lower). Sealed names and
 * emails are opened here; once the customer's key is gone they are the erasure mask.
 */
public record CustomerDocument(String customerId, String name, String email, boolean erased) {

    static CustomerDocument erased(String customerId) {
        return new CustomerDocument(customerId, null, null, true);
    }

    /** Whether the event changes a customer document. */
    static boolean concerns(LedgerEvent payload) {
        return payload instanceof CustomerRegistered || payload instanceof CustomerDetailsChanged
                || payload instanceof CustomerErased;
    }

    /** The document a customer event leaves; empty for events of other aggregates. */
    static Optional<CustomerDocument> after(LedgerEvent payload, PersonalDataOpener opener) {
        if (payload instanceof CustomerRegistered registered) {
            NameAndEmail details = opener.open(registered.customerId(), registered.name(), registered.email());
            return Optional.of(new CustomerDocument(registered.customerId().value(), details.name(), details.email(),
                    false));
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            NameAndEmail details = opener.open(changed.customerId(), changed.name(), changed.email());
            return Optional.of(new CustomerDocument(changed.customerId().value(), details.name(), details.email(),
                    false));
        }
        if (payload instanceof CustomerErased erased) {
            return Optional.of(erased(erased.customerId().value()));
        }
        return Optional.empty();
    }
}
