package io.ledgerline.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency. The scale always equals the currency's minor units, so "12.5 EUR" is
 * held and written as "12.50" and an amount with more decimals than the currency allows cannot exist.
 */
@JsonPropertyOrder({"amount", "currency"})
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Currency currency)
        implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = minorUnitsOf(currency);
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more decimals than " + currency + " allows (" + minorUnits + ")");
        }
        amount = amount.setScale(minorUnits);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Whether the amount can be expressed in the currency's minor units without rounding. */
    public static boolean fitsMinorUnits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= minorUnitsOf(currency);
    }

    public static int minorUnitsOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
