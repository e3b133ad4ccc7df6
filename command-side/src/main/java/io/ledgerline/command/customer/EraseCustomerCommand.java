package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EraseCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, @TargetAggregateVersion Long expectedVersion) {

    public EraseCustomerCommand(CustomerId customerId) {
        this(customerId, null);
    }
}
