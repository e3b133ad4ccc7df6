package io.ledgerline.events;

/** Money was paid into an account; balance is the account's balance after the deposit. */
@EventRevision("1")
public record MoneyDeposited(AccountId accountId, Money amount, Money balance, String description) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
