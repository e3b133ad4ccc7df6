package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;

/** Object mother of customer events for Given-When-Then fixtures. */
public final class CustomerEvents {

    public static final CustomerId ADA = CustomerId.of("cust-ada");

    private CustomerEvents() {
    }

    public static CustomerRegistered registered(CustomerId customerId) {
        return new CustomerRegistered(customerId, "Ada Lovelace", "ada@example.org");
    }

    public static CustomerDetailsChanged detailsChanged(CustomerId customerId, String name, String email) {
        return new CustomerDetailsChanged(customerId, name, email);
    }

    public static CustomerErased erased(CustomerId customerId) {
        return new CustomerErased(customerId);
    }
}
