package io.ledgerline.events;

/** A transfer did not happen; nothing moved between the accounts. reasonCode is the refusal's stable code. */
@EventRevision("1")
public record TransferFailed(TransferId transferId, String reasonCode, String reason) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return transferId.value();
    }
}
