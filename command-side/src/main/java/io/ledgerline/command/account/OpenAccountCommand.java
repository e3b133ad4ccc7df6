package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import java.math.BigDecimal;
import java.util.Currency;

public record OpenAccountCommand(AccountId accountId, CustomerId customerId, Currency currency,
        BigDecimal overdraftLimit) {
}
