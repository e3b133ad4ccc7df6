package io.ledgerline.events;

/** A transfer's debit was given back to its source account; balance is its balance after the reversal. */
@EventRevision("1")
public record TransferDebitReversed(AccountId accountId, TransferId transferId, Money amount, Money balance, String reasonCode) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
