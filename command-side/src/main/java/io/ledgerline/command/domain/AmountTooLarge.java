package io.ledgerline.command.domain;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount above the largest one the ledger accepts in its currency (see {@link MoneyRange}). */
public class AmountTooLarge extends RuleViolation {

    public static final String CODE = "AMOUNT_TOO_LARGE";

    public AmountTooLarge(BigDecimal amount, Currency currency, BigDecimal maximum) {
        super(CODE, "Amount " + amount.toPlainString() + " " + currency.getCurrencyCode()
                + " is above the largest single amount the ledger accepts, " + maximum.toPlainString() + " "
                + currency.getCurrencyCode());
    }
}
