package io.ledgerline.events;

/** Moving an amount from one account to another was requested; the transfer saga carries it out. */
@EventRevision("1")
public record TransferRequested(TransferId transferId, AccountId sourceAccountId, AccountId destinationAccountId, Money amount) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return transferId.value();
    }
}
