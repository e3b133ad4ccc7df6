package io.ledgerline.command.account;

import java.util.Currency;
import java.util.Set;

/** The ISO-4217 currencies the ledger keeps accounts in. */
public final class SupportedCurrencies {

    private static final Set<String> CODES = Set.of("EUR", "USD", "GBP", "CHF", "JPY");

    private SupportedCurrencies() {
    }

    public static boolean isSupported(Currency currency) {
        return CODES.contains(currency.getCurrencyCode());
    }

    public static Set<String> codes() {
        return CODES;
    }
}
