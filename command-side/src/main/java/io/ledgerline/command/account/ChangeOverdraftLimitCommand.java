package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeOverdraftLimitCommand(@TargetAggregateIdentifier AccountId accountId, BigDecimal overdraftLimit,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeOverdraftLimitCommand(AccountId accountId, BigDecimal overdraftLimit) {
        this(accountId, overdraftLimit, null);
    }
}
