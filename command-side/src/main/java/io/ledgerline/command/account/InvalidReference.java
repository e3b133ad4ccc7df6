package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;

public class InvalidReference extends RuleViolation {

    public static final String CODE = "INVALID_REFERENCE";

    public InvalidReference(int maxLength) {
        super(CODE, "A payer's reference has at most " + maxLength + " characters");
    }
}
