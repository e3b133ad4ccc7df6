package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, String name, String email) {
}
