package io.ledgerline.command.transfer;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;

public class UnknownAccount extends RuleViolation {

    public static final String CODE = "UNKNOWN_ACCOUNT";

    public UnknownAccount(AccountId accountId) {
        super(CODE, "No account is known under id " + accountId);
    }
}
