package io.ledgerline.command.account;

import io.ledgerline.command.domain.RuleViolation;
import java.util.Currency;

public class UnsupportedCurrency extends RuleViolation {

    public static final String CODE = "UNSUPPORTED_CURRENCY";

    public UnsupportedCurrency(Currency currency) {
        super(CODE, "Accounts cannot be kept in " + currency.getCurrencyCode()
                + "; supported: " + SupportedCurrencies.codes());
    }
}
