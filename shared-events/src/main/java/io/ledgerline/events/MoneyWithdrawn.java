package io.ledgerline.events;

/**
 * Money was taken out of an account; balance is the account's balance after the withdrawal.
 *
 * <p>Revision 2 added {@code externalReference}, the payment system's id of the booking: "" when none
 * was given, and revision 1 events are read with "".
 */
@EventRevision("2")
public record MoneyWithdrawn(AccountId accountId, Money amount, Money balance, String description,
        String externalReference) implements LedgerEvent {

    /** A withdrawal the payment system gave no id of its own. */
    public MoneyWithdrawn(AccountId accountId, Money amount, Money balance, String description) {
        this(accountId, amount, balance, description, "");
    }

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
