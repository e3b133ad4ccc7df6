package io.ledgerline.events;

/** An account was frozen: it still accepts money, but nothing leaves it. */
@EventRevision("1")
public record AccountFrozen(AccountId accountId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
