package io.ledgerline.command.transfer;

import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga once the destination was credited and the source's debit settled. */
public record CompleteTransferCommand(@TargetAggregateIdentifier TransferId transferId) {
}
