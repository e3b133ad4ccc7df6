package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a customer's name and email address to the given values. */
public record ChangeCustomerDetailsCommand(@TargetAggregateIdentifier CustomerId customerId, String name, String email) {
}
