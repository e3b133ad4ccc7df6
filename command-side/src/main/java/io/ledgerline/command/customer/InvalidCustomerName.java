package io.ledgerline.command.customer;

import io.ledgerline.command.domain.RuleViolation;

public class InvalidCustomerName extends RuleViolation {

    public static final String CODE = "INVALID_CUSTOMER_NAME";

    public InvalidCustomerName(String reason) {
        super(CODE, "The customer name is invalid: " + reason);
    }
}
