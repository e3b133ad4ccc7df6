package io.ledgerline.command.transfer;

import io.ledgerline.events.TransferId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer saga once nothing (any more) is moved: the transfer did not happen. */
public record FailTransferCommand(@TargetAggregateIdentifier TransferId transferId, String reasonCode, String reason) {
}
