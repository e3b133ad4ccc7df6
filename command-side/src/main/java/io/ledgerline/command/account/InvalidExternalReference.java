package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;

public class InvalidExternalReference extends RuleViolation {

    public static final String CODE = "INVALID_EXTERNAL_REFERENCE";

    public InvalidExternalReference(int maxLength) {
        super(CODE, "The payment system's reference of a booking has at most " + maxLength + " characters");
    }
}
