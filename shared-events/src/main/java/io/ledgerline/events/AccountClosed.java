package io.ledgerline.events;

/** An account with a zero balance was closed for good. */
@EventRevision("1")
public record AccountClosed(AccountId accountId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
