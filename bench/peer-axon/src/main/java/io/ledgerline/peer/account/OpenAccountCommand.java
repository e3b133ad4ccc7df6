package io.ledgerline.peer.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

record OpenAccountCommand(@TargetAggregateIdentifier String accountId, String currency) {
}
