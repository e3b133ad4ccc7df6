package io.ledgerline.command.transfer;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.AccountId;

public class SameAccountTransfer extends RuleViolation {

    public static final String CODE = "SAME_ACCOUNT_TRANSFER";

    public SameAccountTransfer(AccountId accountId) {
        super(CODE, "A transfer needs two different accounts; both are " + accountId);
    }
}
