package io.ledgerline.query.search;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as keywords whose order is the order of the amounts, for range filters across currencies
 * and of any size: a long of ten-thousandths would overflow at 922 trillion. The key is the amount in
 * ten-thousandths (no ISO currency has more than four minor units) written as its digits behind their
 * count in two digits, so that a longer number sorts after a shorter one: 5.50 is {@code "0555000"},
 * 1,000,000,000.00 is {@code "1410000000000000"}.
 */
public final class AmountKeys {

    public static final int SCALE = 4;
    /** Below every key (each has at least one digit): an upper bound that nothing reaches. */
    private static final String BELOW_EVERY_AMOUNT = "00";
    private static final int MOST_DIGITS = 99;

    private AmountKeys() {
    }

    /** The key of an amount a line moves: zero or more, with at most four decimals. */
    public static String of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("An amount moved is never negative: " + amount.toPlainString());
        }
        return key(amount.setScale(SCALE).movePointRight(SCALE).toBigIntegerExact().toString());
    }

    /** The smallest key not below the given bound. */
    public static String atLeast(BigDecimal bound) {
        if (bound.signum() <= 0) {
            return of(BigDecimal.ZERO);
        }
        return of(bound.setScale(SCALE, RoundingMode.CEILING));
    }

    /** The largest key not above the given bound. */
    public static String atMost(BigDecimal bound) {
        if (bound.signum() < 0) {
            return BELOW_EVERY_AMOUNT;
        }
        return of(bound.setScale(SCALE, RoundingMode.FLOOR));
    }

    private static String key(String digits) {
        if (digits.length() > MOST_DIGITS) {
            throw new IllegalArgumentException("An amount of more than " + MOST_DIGITS + " digits has no key");
        }
        return String.format("%02d", digits.length()) + digits;
    }
}
