package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FreezeAccountCommand(@TargetAggregateIdentifier AccountId accountId) {
}
