package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawMoneyCommand(@TargetAggregateIdentifier AccountId accountId, BigDecimal amount, Currency currency,
        String description, @TargetAggregateVersion Long expectedVersion) {

    public WithdrawMoneyCommand(AccountId accountId, BigDecimal amount, Currency currency, String description) {
        this(accountId, amount, currency, description, null);
    }
}
