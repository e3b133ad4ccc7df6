package io.ledgerline.events;

/**
 * Money was paid into an account; balance is the account's balance after the deposit.
 *
 * <p>Revision 2 added {@code reference}, the payer's reference ("" when none was given). Revision 1
 * events are read as revision 2 with an empty reference.
 */
@EventRevision("2")
public record MoneyDeposited(AccountId accountId, Money amount, Money balance, String description, String reference)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return accountId.value();
    }
}
