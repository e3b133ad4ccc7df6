package io.ledgerline.events;

/** A customer was registered with a name and an email address, unique among customers. */
@EventRevision("1")
public record CustomerRegistered(CustomerId customerId, String name, String email) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return customerId.value();
    }
}
