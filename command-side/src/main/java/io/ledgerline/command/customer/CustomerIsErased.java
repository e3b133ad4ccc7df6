package io.ledgerline.command.customer;

import io.ledgerline.command.domain.RuleViolation;
import io.ledgerline.events.CustomerId;

public class CustomerIsErased extends RuleViolation {

    public static final String CODE = "CUSTOMER_ERASED";

    public CustomerIsErased(CustomerId customerId) {
        super(CODE, "Customer " + customerId + " was erased and accepts no further commands");
    }
}
