package io.ledgerline.events;

/** A frozen account was opened up again. */
@EventRevision("1")
public record AccountUnfrozen(AccountId accountId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
