package io.ledgerline.command.account;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.events.TransferId;
import java.util.Currency;

/**
 * Object mother of account events for Given-When-Then fixtures; amounts are in EUR unless said
 * otherwise, and bookings carry no text (only the account's state matters in given events).
 */
public final class AccountEvents {

    public static final AccountId ACCOUNT = AccountId.of("acc-1");
    public static final AccountId OTHER_ACCOUNT = AccountId.of("acc-2");
    public static final CustomerId OWNER = CustomerId.of("cust-1");
    public static final Currency EUR = Currency.getInstance("EUR");

    private AccountEvents() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static AccountOpened opened(AccountId accountId) {
        return opened(accountId, "0");
    }

    public static AccountOpened opened(AccountId accountId, String overdraftLimit) {
        return new AccountOpened(accountId, OWNER, EUR, eur(overdraftLimit));
    }

    public static MoneyDeposited deposited(AccountId accountId, String amount, String balance) {
        return new MoneyDeposited(accountId, OWNER, eur(amount), eur(balance), null, null, null);
    }

    public static MoneyWithdrawn withdrawn(AccountId accountId, String amount, String balance) {
        return new MoneyWithdrawn(accountId, OWNER, eur(amount), eur(balance), null, null);
    }

    public static AccountFrozen frozen(AccountId accountId) {
        return new AccountFrozen(accountId);
    }

    public static AccountClosed closed(AccountId accountId) {
        return new AccountClosed(accountId);
    }

    public static OverdraftLimitChanged overdraftLimitChanged(AccountId accountId, String limit) {
        return new OverdraftLimitChanged(accountId, eur(limit));
    }

    public static AccountDebitedForTransfer debitedForTransfer(AccountId accountId, TransferId transferId,
            String amount, String balance) {
        return new AccountDebitedForTransfer(accountId, transferId, eur(amount), eur(balance));
    }

    public static AccountCreditedForTransfer creditedForTransfer(AccountId accountId, TransferId transferId,
            String amount, String balance) {
        return new AccountCreditedForTransfer(accountId, transferId, eur(amount), eur(balance));
    }

    public static TransferDebitReversed debitReversed(AccountId accountId, TransferId transferId, String amount,
            String balance, String reasonCode) {
        return new TransferDebitReversed(accountId, transferId, eur(amount), eur(balance), reasonCode);
    }

    public static TransferDebitSettled debitSettled(AccountId accountId, TransferId transferId) {
        return new TransferDebitSettled(accountId, transferId);
    }
}
