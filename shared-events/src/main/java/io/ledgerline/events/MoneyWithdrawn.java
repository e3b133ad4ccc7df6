package io.ledgerline.events;

/**
 * Money was taken out of an account; balance is the account's balance after the withdrawal.
 *
 * <p>The free text ({@code description}, {@code externalReference} the payment system's id of the
 * booking) is personal data of the account's owner {@code customerId}, sealed under that
 * customer's key for its field (see {@link PersonalData}); each is null when none was given, and
 * both are null when the owner was erased before the booking.
 *
 * <p>Revision 2 added {@code externalReference}, revision 3 sealed the free text and named the
 * owner. Older revisions are read with their text marked as written before sealing, "" as null,
 * and a null {@code customerId}.
 */
@EventRevision("3")
public record MoneyWithdrawn(AccountId accountId, CustomerId customerId, Money amount, Money balance,
        PersonalData description, PersonalData externalReference) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
