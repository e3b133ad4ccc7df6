package io.ledgerline.command.domain;

import java.math.BigDecimal;
import java.util.Currency;

public class InvalidAmount extends RuleViolation {

    public static final String CODE = "INVALID_AMOUNT";

    public InvalidAmount(BigDecimal amount, Currency currency, String reason) {
        super(CODE, "Amount " + (amount == null ? "null" : amount.toPlainString()) + " "
                + (currency == null ? "" : currency.getCurrencyCode()) + " is invalid: " + reason);
    }
}
