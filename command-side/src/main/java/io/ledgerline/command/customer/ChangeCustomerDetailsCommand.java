package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets a customer's name and email address to the given values. */
public record ChangeCustomerDetailsCommand(@TargetAggregateIdentifier CustomerId customerId, String name, String email,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeCustomerDetailsCommand(CustomerId customerId, String name, String email) {
        this(customerId, name, email, null);
    }
}
