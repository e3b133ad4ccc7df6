package io.ledgerline.command.domain;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The rules an amount moved by a command obeys: positive, in the expected currency, within its
 * minor units and no larger than the ledger's maximum for that currency.
 */
public final class Amounts {

    private Amounts() {
    }

    /** An amount a client asks to move (or to allow, as a limit): every rule, the range included. */
    public static Money positive(BigDecimal amount, Currency currency, Currency expected, MoneyRange range) {
        Money money = positive(amount, currency, expected);
        range.requireWithin(amount, currency);
        return money;
    }

    /**
     * An amount the ledger accepted already, such as a requested transfer's in the steps of its saga:
     * the range was checked at the request, and a maximum lowered since must not strand a transfer
     * between its debit and its credit.
     */
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
