package io.ledgerline.peer.account;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record DepositMoneyCommand(@TargetAggregateIdentifier String accountId, BigDecimal amount) {
}
