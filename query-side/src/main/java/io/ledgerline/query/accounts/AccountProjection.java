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
import io.ledgerline.query.projection.OwnersToLock;
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

    /**
     * An opening copies its owner's name under a share lock on the owner's row (see
     * AccountViewChanges); every change writes a row of the owner's, which a change of the owner's
     * name writes too, on another node maybe. Deposits and withdrawals name the owner since their
     * text is sealed; the other events leave the owner to be found in account_view.
     */
    @Override
    public void owners(ReceivedEvent event, OwnersToLock owners) {
        if (event.payload() instanceof AccountOpened opened) {
            owners.shared(opened.customerId().value());
        } else if (event.payload() instanceof MoneyDeposited deposited && deposited.customerId() != null) {
            owners.shared(deposited.customerId().value());
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn && withdrawn.customerId() != null) {
            owners.shared(withdrawn.customerId().value());
        } else if (changesTheAccount(event.payload())) {
            owners.sharedOwnerOf(event.aggregateId());
        }
    }

    private static boolean changesTheAccount(Object payload) {
        return payload instanceof MoneyDeposited || payload instanceof MoneyWithdrawn
                || payload instanceof AccountDebitedForTransfer || payload instanceof AccountCreditedForTransfer
                || payload instanceof TransferDebitReversed || payload instanceof TransferDebitSettled
                || payload instanceof AccountFrozen || payload instanceof AccountUnfrozen
                || payload instanceof AccountClosed || payload instanceof OverdraftLimitChanged;
    }

    private AccountViewChanges changes() {
        return batches.current(AccountViewChanges.class, AccountViewChanges::new);
    }
}
