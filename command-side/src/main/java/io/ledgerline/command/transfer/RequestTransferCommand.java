package io.ledgerline.command.transfer;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferId;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to move an amount between two accounts. Repeating it with the same transfer id moves the money once. */
public record RequestTransferCommand(@TargetAggregateIdentifier TransferId transferId, AccountId sourceAccountId,
        AccountId destinationAccountId, BigDecimal amount, Currency currency) {
}
