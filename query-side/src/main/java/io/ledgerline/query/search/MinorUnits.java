package io.ledgerline.query.search;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Exact amounts in Elasticsearch, which has no decimal type: amounts are indexed as whole minor
 * units of their currency (for sums per currency) and as ten-thousandths of a unit (for range
 * filters across currencies; no ISO currency has more than four minor units).
 */
public final class MinorUnits {

    public static final int RANGE_SCALE = 4;

    /** A double holds every whole number up to 2^53 exactly; a sum beyond that may have been rounded. */
    private static final double LARGEST_EXACT_SUM = 0x1p53;

    private MinorUnits() {
    }

    public static long of(Money money) {
        return money.amount().movePointRight(Money.minorUnitsOf(money.currency())).longValueExact();
    }

    public static String decimal(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits, Money.minorUnitsOf(currency)).toPlainString();
    }

    public static long tenThousandths(Money money) {
        return money.amount().setScale(RANGE_SCALE).movePointRight(RANGE_SCALE).longValueExact();
    }

    /** The smallest indexed ten-thousandths value that is not below the given amount. */
    public static long tenThousandthsAtLeast(BigDecimal amount) {
        return amount.setScale(RANGE_SCALE, RoundingMode.CEILING).movePointRight(RANGE_SCALE).longValueExact();
    }

    /** The largest indexed ten-thousandths value that is not above the given amount. */
    public static long tenThousandthsAtMost(BigDecimal amount) {
        return amount.setScale(RANGE_SCALE, RoundingMode.FLOOR).movePointRight(RANGE_SCALE).longValueExact();
    }

    /**
     * Elasticsearch sums long fields as doubles. The sum of whole minor units is exact as long as it
     * stays within 2^53 (about 90 trillion euros); beyond that it is refused instead of rounded.
     */
    public static long fromSum(double sum) {
        if (Math.abs(sum) >= LARGEST_EXACT_SUM || sum != Math.rint(sum)) {
            throw new ArithmeticException("The sum " + sum + " cannot be represented exactly in minor units");
        }
        return (long) sum;
    }
}
