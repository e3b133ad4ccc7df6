package io.ledgerline.command.domain;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** The rules an amount moved by a command obeys: positive, in the expected currency, within its minor units. */
public final class Amounts {

    private Amounts() {
    }

    public static Money positive(BigDecimal amount, Currency currency, Currency expected) {
        if (amount == null || currency == null) {
            throw new InvalidAmount(amount, currency, "an amount and its currency are required");
        }
        if (!currency.equals(expected)) {
            throw new CurrencyMismatch(expected, currency);
        }
        if (amount.signum() <= 0) {
            throw new InvalidAmount(amount, currency, "it must be greater than zero");
        }
        if (!Money.fitsMinorUnits(amount, currency)) {
            throw new InvalidAmount(amount, currency,
                    "it has more decimals than " + currency.getCurrencyCode() + " allows (" + Money.minorUnitsOf(currency) + ")");
        }
        return new Money(amount, currency);
    }
}
