package io.ledgerline.events;

/** The destination account of a transfer received the amount; balance is its balance after the credit. */
@EventRevision("1")
public record AccountCreditedForTransfer(AccountId accountId, TransferId transferId, Money amount, Money balance) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
