package io.ledgerline.events;

/** A customer's personal data was erased; the customer accepts no further commands. */
@EventRevision("1")
public record CustomerErased(CustomerId customerId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return customerId.value();
    }
}
