package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record UnfreezeAccountCommand(@TargetAggregateIdentifier AccountId accountId, @TargetAggregateVersion Long expectedVersion) {

    public UnfreezeAccountCommand(AccountId accountId) {
        this(accountId, null);
    }
}
