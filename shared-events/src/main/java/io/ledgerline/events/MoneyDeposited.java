package io.ledgerline.events;

/**
 * Money was paid into an account; balance is the account's balance after the deposit.
 *
 * <p>Revision 2 added {@code reference}, the payer's reference; revision 3 added
 * {@code externalReference}, the payment system's id of the booking. Both are "" when none was given,
 * and older revisions are read with "" for what they did not carry yet.
 */
@EventRevision("3")
public record MoneyDeposited(AccountId accountId, Money amount, Money balance, String description, String reference,
        String externalReference) implements LedgerEvent {

    /** A deposit the payment system gave no id of its own. */
    public MoneyDeposited(AccountId accountId, Money amount, Money balance, String description, String reference) {
        this(accountId, amount, balance, description, reference, "");
    }

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
