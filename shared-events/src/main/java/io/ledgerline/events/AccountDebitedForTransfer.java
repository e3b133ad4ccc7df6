package io.ledgerline.events;

/** The source account of a transfer gave the amount; balance is its balance after the debit. */
@EventRevision("1")
public record AccountDebitedForTransfer(AccountId accountId, TransferId transferId, Money amount, Money balance) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
