package io.ledgerline.events;

/** A customer's name or email address changed; both are given as they are now. */
@EventRevision("1")
public record CustomerDetailsChanged(CustomerId customerId, String name, String email) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return customerId.value();
    }
}
