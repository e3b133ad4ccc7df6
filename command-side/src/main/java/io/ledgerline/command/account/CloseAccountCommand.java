package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CloseAccountCommand(@TargetAggregateIdentifier AccountId accountId, @TargetAggregateVersion Long expectedVersion) {

    public CloseAccountCommand(AccountId accountId) {
        this(accountId, null);
    }
}
