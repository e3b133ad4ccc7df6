package io.ledgerline.events;

/** A transfer moved its amount from the source to the destination account. */
@EventRevision("1")
public record TransferCompleted(TransferId transferId) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return transferId.value();
    }
}
