package io.ledgerline.query.accounts.search;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What an event of an existing account does to its document. Events that change nothing shown in
 * the index still count, so that the document's version always follows the account's sequence.
 */
final class AccountChange {

    private AccountChange() {
    }

    /** Empty when the event does not belong to an existing account. */
    static Optional<UnaryOperator<AccountDocument>> of(LedgerEvent payload) {
        if (payload instanceof MoneyDeposited deposited) {
            return Optional.of(document -> document.withBalance(deposited.balance()));
        }
        if (payload instanceof MoneyWithdrawn withdrawn) {
            return Optional.of(document -> document.withBalance(withdrawn.balance()));
        }
        if (payload instanceof AccountDebitedForTransfer debited) {
            return Optional.of(document -> document.withBalance(debited.balance()));
        }
        if (payload instanceof AccountCreditedForTransfer credited) {
            return Optional.of(document -> document.withBalance(credited.balance()));
        }
        if (payload instanceof TransferDebitReversed reversed) {
            return Optional.of(document -> document.withBalance(reversed.balance()));
        }
        if (payload instanceof AccountFrozen) {
            return Optional.of(document -> document.withStatus(AccountDocument.FROZEN));
        }
        if (payload instanceof AccountUnfrozen) {
            return Optional.of(document -> document.withStatus(AccountDocument.OPEN));
        }
        if (payload instanceof AccountClosed) {
            return Optional.of(document -> document.withStatus(AccountDocument.CLOSED));
        }
        if (payload instanceof OverdraftLimitChanged || payload instanceof TransferDebitSettled) {
            return Optional.of(UnaryOperator.identity());
        }
        return Optional.empty();
    }
}
