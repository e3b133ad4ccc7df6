package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawMoneyCommand(@TargetAggregateIdentifier AccountId accountId, BigDecimal amount, Currency currency,
        String description) {
}
