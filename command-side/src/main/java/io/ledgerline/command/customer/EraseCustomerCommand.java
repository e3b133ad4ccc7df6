package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EraseCustomerCommand(@TargetAggregateIdentifier CustomerId customerId) {
}
