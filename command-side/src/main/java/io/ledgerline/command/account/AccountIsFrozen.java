package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;

public class AccountIsFrozen extends RuleViolation {

    public static final String CODE = "ACCOUNT_FROZEN";

    public AccountIsFrozen(AccountId accountId) {
        super(CODE, "Account " + accountId + " is frozen; money cannot leave it");
    }
}
