package io.ledgerline.events;

/**
 * A customer was registered with a name and an email address, unique among customers.
 *
 * <p>Revision 2 carries name and email sealed under the customer's key (see {@link PersonalData}).
 * Revision 1 carried them as plain strings; it is read as revision 2 with both marked unsealed.
 */
@EventRevision("2")
public record CustomerRegistered(CustomerId customerId, PersonalData name, PersonalData email) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return customerId.value();
    }
}
