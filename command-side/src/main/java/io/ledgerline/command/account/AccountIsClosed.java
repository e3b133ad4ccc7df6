package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;

public class AccountIsClosed extends RuleViolation {

    public static final String CODE = "ACCOUNT_CLOSED";

    public AccountIsClosed(AccountId accountId) {
        super(CODE, "Account " + accountId + " is closed");
    }
}
