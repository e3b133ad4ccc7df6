package io.ledgerline.query.search;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;

/**
 * Exact amounts in Elasticsearch, which has no decimal type and sums numbers as doubles. An amount is
 * indexed as whole minor units of its currency, and for sums split into three parts of at most six
 * digits each: a part's sum stays a whole number below 2^53 (where a double is exact) for up to nine
 * billion lines, more than one shard can hold (2^31 documents), so every total is exact, however large.
 */
public final class MinorUnits {

    /** Each part of an amount for sums is below this: six decimal digits of its minor units. */
    public static final long PART = 1_000_000L;
    private static final BigInteger PART_SIZE = BigInteger.valueOf(PART);
    /** A double holds every whole number up to 2^53 exactly; a sum beyond that may have been rounded. */
    private static final double LARGEST_EXACT_SUM = 0x1p53;

    private MinorUnits() {
    }

    /**
     * The amount in minor units. Every amount the ledger accepts fits: at most 15 integer digits and
     * the currency's minor units stay below 10^18, and a long holds 9.2 x 10^18.
     */
    public static long of(Money money) {
        return minorUnits(money).longValueExact();
    }

    /** The parts an amount is summed in: amount = high x 10^12 + mid x 10^6 + low, each part below 10^6 for any amount below 10^18 minor units. */
    public static Parts parts(Money money) {
        BigInteger minor = minorUnits(money);
        if (minor.signum() < 0) {
            throw new IllegalArgumentException("Only amounts moved, never negative, are summed: " + money);
        }
        BigInteger[] aboveLow = minor.divideAndRemainder(PART_SIZE);
        BigInteger[] aboveMid = aboveLow[0].divideAndRemainder(PART_SIZE);
        return new Parts(aboveLow[1].longValueExact(), aboveMid[1].longValueExact(), aboveMid[0].longValueExact());
    }

    /**
     * Recombines the sums of the parts into the exact total in the currency's major unit. A sum that
     * is not a whole number below 2^53 may have been rounded, which the bound on parts rules out; it
     * is refused rather than answered wrong.
     */
    public static BigDecimal total(double lowSum, double midSum, double highSum, Currency currency) {
        BigInteger minor = exact(highSum).multiply(PART_SIZE).add(exact(midSum)).multiply(PART_SIZE).add(exact(lowSum));
        return new BigDecimal(minor, Money.minorUnitsOf(currency));
    }

    private static BigInteger exact(double sum) {
        if (Math.abs(sum) >= LARGEST_EXACT_SUM || sum != Math.rint(sum)) {
            throw new ArithmeticException("The sum " + sum + " cannot be represented exactly in minor units");
        }
        return BigInteger.valueOf((long) sum);
    }

    private static BigInteger minorUnits(Money money) {
        return money.amount().movePointRight(Money.minorUnitsOf(money.currency())).toBigIntegerExact();
    }

    /** The parts of one amount's minor units, each summed on its own. */
    public record Parts(long low, long mid, long high) {
    }
}
