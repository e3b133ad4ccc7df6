package io.ledgerline.events;

import java.util.Currency;

/** An account was opened for a customer, in one currency, with an overdraft limit (zero for none). */
@EventRevision("1")
public record AccountOpened(AccountId accountId, CustomerId customerId, Currency currency, Money overdraftLimit)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
