package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;

public class InvalidDescription extends RuleViolation {

    public static final String CODE = "INVALID_DESCRIPTION";

    public InvalidDescription(int maxLength) {
        super(CODE, "A description has at most " + maxLength + " characters");
    }
}
