package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;

public class BalanceNotZero extends RuleViolation {

    public static final String CODE = "BALANCE_NOT_ZERO";

    public BalanceNotZero(AccountId accountId, Money balance) {
        super(CODE, "Account " + accountId + " can only be closed with a zero balance; it holds " + balance);
    }
}
