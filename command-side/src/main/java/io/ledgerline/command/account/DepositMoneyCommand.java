package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * @param reference         the payer's reference; null when there is none
 * @param externalReference the payment system's id of the booking; null when there is none
 * @param expectedVersion   the account version the caller saw (If-Match); null when any will do
 */
public record DepositMoneyCommand(@TargetAggregateIdentifier AccountId accountId, BigDecimal amount, Currency currency,
        String description, String reference, String externalReference, @TargetAggregateVersion Long expectedVersion) {

    public DepositMoneyCommand(AccountId accountId, BigDecimal amount, Currency currency, String description) {
        this(accountId, amount, currency, description, null, null, null);
    }
}
