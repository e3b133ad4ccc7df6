package io.ledgerline.command.customer;

import io.ledgerline.command.domain.RuleViolation;

public class InvalidEmail extends RuleViolation {

    public static final String CODE = "INVALID_EMAIL";

    public InvalidEmail(String email) {
        super(CODE, "'" + email + "' is not a valid email address");
    }
}
