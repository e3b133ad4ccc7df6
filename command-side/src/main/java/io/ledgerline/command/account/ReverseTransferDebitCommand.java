package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga: gives a transfer's debit back to its source account, for the reason given. */
public record ReverseTransferDebitCommand(@TargetAggregateIdentifier AccountId accountId, TransferId transferId, String reasonCode) {
}
