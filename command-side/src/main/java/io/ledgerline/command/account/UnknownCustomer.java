package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.CustomerId;

public class UnknownCustomer extends RuleViolation {

    public static final String CODE = "UNKNOWN_CUSTOMER";

    public UnknownCustomer(CustomerId customerId) {
        super(CODE, "No customer is known under id " + customerId);
    }
}
