package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;

public class InsufficientFunds extends RuleViolation {

    public static final String CODE = "INSUFFICIENT_FUNDS";

    public InsufficientFunds(AccountId accountId, Money amount, Money available) {
        super(CODE, "Account " + accountId + " cannot pay " + amount + "; available including overdraft: " + available);
    }
}
