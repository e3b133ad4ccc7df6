package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga: takes a transfer's amount from its source account under the withdrawal rules. */
public record DebitAccountForTransferCommand(@TargetAggregateIdentifier AccountId accountId, TransferId transferId, Money amount) {
}
