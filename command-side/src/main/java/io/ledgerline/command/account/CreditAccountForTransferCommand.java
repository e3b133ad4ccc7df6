package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga: pays a transfer's amount into its destination account. */
public record CreditAccountForTransferCommand(@TargetAggregateIdentifier AccountId accountId, TransferId transferId, Money amount) {
}
