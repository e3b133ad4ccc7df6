package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.SqlProjector;
import io.ledgerline.query.projection.TransactionBatches;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code account_view}. Balance-changing events carry the resulting balance, so a row is
 * set rather than added to, and only when the event is newer than the row. The changes of a
 * transaction are written together when it commits; see {@link AccountViewChanges}.
 */
@Component
class AccountProjection implements SqlProjector {

    private final TransactionBatches batches;

    AccountProjection(TransactionBatches batches) {
        this.batches = batches;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof AccountOpened opened) {
            changes().open(opened, event);
        } else if (event.payload() instanceof MoneyDeposited deposited) {
            changes().balance(deposited.balance(), event);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            changes().balance(withdrawn.balance(), event);
        } else if (event.payload() instanceof AccountDebitedForTransfer debited) {
            changes().balance(debited.balance(), event);
        } else if (event.payload() instanceof AccountCreditedForTransfer credited) {
            changes().balance(credited.balance(), event);
        } else if (event.payload() instanceof TransferDebitReversed reversed) {
            changes().balance(reversed.balance(), event);
        } else if (event.payload() instanceof TransferDebitSettled) {
            changes().touch(event);
        } else if (event.payload() instanceof AccountFrozen) {
            changes().status("FROZEN", event);
        } else if (event.payload() instanceof AccountUnfrozen) {
            changes().status("OPEN", event);
        } else if (event.payload() instanceof AccountClosed) {
            changes().status("CLOSED", event);
        } else if (event.payload() instanceof OverdraftLimitChanged changed) {
            changes().overdraftLimit(changed.overdraftLimit(), event);
        }
    }

    private AccountViewChanges changes() {
        return batches.current(AccountViewChanges.class, AccountViewChanges::new);
    }
}
