package io.ledgerline.events;

/** How far an account's balance may go below zero changed; overdraftLimit is the new limit. */
@EventRevision("1")
public record OverdraftLimitChanged(AccountId accountId, Money overdraftLimit) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
