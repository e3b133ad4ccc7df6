package io.ledgerline.events;

/**
 * Money was paid into an account; balance is the account's balance after the deposit.
 *
 * <p>The free text ({@code description}, {@code reference} the payer's reference,
 * {@code externalReference} the payment system's id of the booking) is personal data of the
 * account's owner {@code customerId}, sealed under that customer's key for its field (see
 * {@link PersonalData}); each is null when none was given, and all are null when the owner was
 * erased before the booking.
 *
 * <p>Revision 2 added {@code reference}, revision 3 {@code externalReference}, revision 4 sealed
 * the free text and named the owner. Older revisions are read with their text marked as written
 * before sealing, "" as null, and a null {@code customerId}: they name no owner, as nothing in
 * them was sealed.
 */
@EventRevision("4")
public record MoneyDeposited(AccountId accountId, CustomerId customerId, Money amount, Money balance,
        PersonalData description, PersonalData reference, PersonalData externalReference) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
