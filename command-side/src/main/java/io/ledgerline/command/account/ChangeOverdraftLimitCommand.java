package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeOverdraftLimitCommand(@TargetAggregateIdentifier AccountId accountId, BigDecimal overdraftLimit) {
}
