package io.ledgerline.command.account;

import java.util.Currency;

public class UnsupportedCurrency extends AccountRuleViolation {

    public static final String CODE = "UNSUPPORTED_CURRENCY";

    public UnsupportedCurrency(Currency currency) {
        super(CODE, "Accounts cannot be kept in " + currency.getCurrencyCode()
                + "; supported: " + SupportedCurrencies.codes());
    }
}
