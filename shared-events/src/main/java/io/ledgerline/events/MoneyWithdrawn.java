package io.ledgerline.events;

/** Money was taken out of an account; balance is the account's balance after the withdrawal. */
@EventRevision("1")
public record MoneyWithdrawn(AccountId accountId, Money amount, Money balance, String description) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
