package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga once the destination was credited: the source's debit is final. */
public record SettleTransferDebitCommand(@TargetAggregateIdentifier AccountId accountId, TransferId transferId) {
}
