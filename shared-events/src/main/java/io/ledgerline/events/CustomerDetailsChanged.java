package io.ledgerline.events;

/**
 * A customer's name or email address changed; both are given as they are now.
 *
 * <p>Revision 2 carries name and email sealed under the customer's key (see {@link PersonalData}).
 * Revision 1 carried them as plain strings; it is read as revision 2 with both marked unsealed.
 */
@EventRevision("2")
public record CustomerDetailsChanged(CustomerId customerId, PersonalData name, PersonalData email)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return customerId.value();
    }
}
