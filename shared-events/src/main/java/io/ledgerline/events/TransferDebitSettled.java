package io.ledgerline.events;

/** A transfer's debit became final on its source account because the destination was credited. */
@EventRevision("1")
public record TransferDebitSettled(AccountId accountId, TransferId transferId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
