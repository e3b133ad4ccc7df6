package io.ledgerline.command.audit;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.command.audit.AccountState.Status;

/**
 * Account state from account events. Balances are taken from the events, which carry the balance
 * after each booking, rather than summed again, so the answer is what the account decided then.
 */
public class AccountStateFold implements StateFold<AccountState> {

    @Override
    public AccountState apply(AccountState state, RecordedEvent event) {
        Object payload = event.payload();
        if (payload instanceof AccountOpened opened) {
            Money zero = Money.zero(opened.currency());
            return new AccountState(opened.accountId().value(), opened.customerId().value(), opened.currency(), zero,
                    zero.plus(opened.overdraftLimit()), opened.overdraftLimit(), Status.OPEN, event.sequence(),
                    event.timestamp());
        }
        if (state == null) {
            throw new IllegalStateException("Account history does not start with AccountOpened but with "
                    + payload.getClass().getSimpleName());
        }
        if (payload instanceof MoneyDeposited deposited) {
            return with(state, event, deposited.balance(), state.overdraftLimit(), state.status());
        }
        if (payload instanceof MoneyWithdrawn withdrawn) {
            return with(state, event, withdrawn.balance(), state.overdraftLimit(), state.status());
        }
        if (payload instanceof AccountDebitedForTransfer debited) {
            return with(state, event, debited.balance(), state.overdraftLimit(), state.status());
        }
        if (payload instanceof AccountCreditedForTransfer credited) {
            return with(state, event, credited.balance(), state.overdraftLimit(), state.status());
        }
        if (payload instanceof TransferDebitReversed reversed) {
            return with(state, event, reversed.balance(), state.overdraftLimit(), state.status());
        }
        if (payload instanceof OverdraftLimitChanged changed) {
            return with(state, event, state.balance(), changed.overdraftLimit(), state.status());
        }
        if (payload instanceof AccountFrozen) {
            return with(state, event, state.balance(), state.overdraftLimit(), Status.FROZEN);
        }
        if (payload instanceof AccountUnfrozen) {
            return with(state, event, state.balance(), state.overdraftLimit(), Status.OPEN);
        }
        if (payload instanceof AccountClosed) {
            return with(state, event, state.balance(), state.overdraftLimit(), Status.CLOSED);
        }
        // TransferDebitSettled and any later fact that leaves these fields alone still count as a version
        return with(state, event, state.balance(), state.overdraftLimit(), state.status());
    }

    private static AccountState with(AccountState state, RecordedEvent event, Money balance, Money overdraftLimit,
            Status status) {
        return new AccountState(state.accountId(), state.customerId(), state.currency(), balance,
                balance.plus(overdraftLimit), overdraftLimit, status, event.sequence(), event.timestamp());
    }
}
