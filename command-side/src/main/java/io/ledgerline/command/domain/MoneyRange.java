package io.ledgerline.command.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The largest single amount a command may carry, per currency. It bounds what one request can move,
 * not what a balance can grow to: many deposits may take a balance past it, and that stays exact.
 * Handlers receive it as a parameter (Axon resolves it from the application's configuration), so
 * aggregates keep no configuration of their own.
 */
public final class MoneyRange {

    private final BigDecimal maximum;
    private final Map<Currency, BigDecimal> maximumPerCurrency;

    public MoneyRange(BigDecimal maximum, Map<Currency, BigDecimal> maximumPerCurrency) {
        this.maximum = requirePositive(maximum, "the maximum amount");
        maximumPerCurrency.forEach((currency, max) -> requirePositive(max, "the maximum amount in " + currency));
        this.maximumPerCurrency = Map.copyOf(maximumPerCurrency);
    }

    public static MoneyRange upTo(String maximum) {
        return new MoneyRange(new BigDecimal(maximum), Map.of());
    }

    public BigDecimal maximumIn(Currency currency) {
        return maximumPerCurrency.getOrDefault(currency, maximum);
    }

    /** Refuses an amount above the maximum of its currency; exactly the maximum is accepted. */
    public void requireWithin(BigDecimal amount, Currency currency) {
        BigDecimal max = maximumIn(currency);
        if (amount.compareTo(max) > 0) {
            throw new AmountTooLarge(amount, currency, max);
        }
    }

    private static BigDecimal requirePositive(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be greater than zero, not " + value.toPlainString());
        }
        return value;
    }
}
