package io.ledgerline.command.customer;

import io.ledgerline.command.domain.RuleConflict;

public class DuplicateEmail extends RuleConflict {

    public static final String CODE = "DUPLICATE_EMAIL";

    public DuplicateEmail(String email) {
        super(CODE, "Another customer already uses the email address " + email);
    }
}
