package io.ledgerline.command.domain;

import java.util.Currency;

public class CurrencyMismatch extends RuleViolation {

    public static final String CODE = "CURRENCY_MISMATCH";

    public CurrencyMismatch(Currency expected, Currency given) {
        super(CODE, "Expected an amount in " + expected.getCurrencyCode() + " but got " + given.getCurrencyCode());
    }
}
