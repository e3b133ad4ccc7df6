package io.ledgerline.events;

/**
 * Moving an amount from one account to another was requested; the transfer saga carries it out.
 *
 * <p>{@code description} (the client's text) and {@code reference} (the payer's reference for the
 * payee) are personal data of the payer {@code payerCustomerId}, the owner of the source account,
 * sealed under that customer's key for their fields (see {@link PersonalData}); each is null when
 * none was given.
 *
 * <p>Revision 2 added the three. Revision 1 events are read with the description their metadata
 * {@code transferDescription} carried, marked as written before sealing, no reference and a null
 * {@code payerCustomerId}.
 */
@EventRevision("2")
public record TransferRequested(TransferId transferId, AccountId sourceAccountId, AccountId destinationAccountId,
        Money amount, CustomerId payerCustomerId, PersonalData description, PersonalData reference)
        implements LedgerEvent {

    /** A transfer with no text of its own. */
    public TransferRequested(TransferId transferId, AccountId sourceAccountId, AccountId destinationAccountId,
            Money amount, CustomerId payerCustomerId) {
        this(transferId, sourceAccountId, destinationAccountId, amount, payerCustomerId, null, null);
    }

    @Override
    public String aggregateId() {
        return transferId.value();
    }
}
