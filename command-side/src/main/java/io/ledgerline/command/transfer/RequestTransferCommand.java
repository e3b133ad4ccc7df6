package io.ledgerline.command.transfer;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferId;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to move an amount between two accounts. Repeating it with the same transfer id and the same
 * details moves the money once.
 *
 * @param description the client's text; null when there is none
 * @param reference   the payer's reference for the payee; null when there is none
 */
public record RequestTransferCommand(@TargetAggregateIdentifier TransferId transferId, AccountId sourceAccountId,
        AccountId destinationAccountId, BigDecimal amount, Currency currency, String description, String reference) {

    /** A transfer with no text of its own. */
    public RequestTransferCommand(TransferId transferId, AccountId sourceAccountId, AccountId destinationAccountId,
            BigDecimal amount, Currency currency) {
        this(transferId, sourceAccountId, destinationAccountId, amount, currency, null, null);
    }
}
