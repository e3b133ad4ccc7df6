package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void countsInTheMinorUnitsOfTheCurrency() {
        assertThat(MinorUnits.of(Money.of("12.5", "EUR"))).isEqualTo(1250);
        assertThat(MinorUnits.of(Money.of("1500", "JPY"))).isEqualTo(1500);
        assertThat(MinorUnits.of(Money.of("1.234", "BHD"))).isEqualTo(1234);
        assertThat(MinorUnits.of(Money.of("-0.01", "USD"))).isEqualTo(-1);
    }

    @Test
    void holdsTheLargestAmountAnInputMayHaveInMinorUnits() {
        assertThat(MinorUnits.of(Money.of("999999999999999.99", "EUR"))).isEqualTo(99_999_999_999_999_999L);
        assertThat(MinorUnits.of(Money.of("999999999999999.999", "KWD"))).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void splitsAnAmountIntoPartsOfSixDigits() {
        assertThat(MinorUnits.parts(Money.of("12.50", "EUR"))).isEqualTo(new MinorUnits.Parts(1250, 0, 0));
        assertThat(MinorUnits.parts(Money.of("999999999999999.99", "EUR")))
                .isEqualTo(new MinorUnits.Parts(999_999, 999_999, 99_999));
        assertThat(MinorUnits.parts(Money.of("123456789012345.678", "KWD")))
                .isEqualTo(new MinorUnits.Parts(345_678, 789_012, 123_456));
    }

    @Test
    void recombinesTheSumsOfThePartsIntoAnExactTotal() {
        // a million lines of the largest amount an input may have: each part's sum stays exact
        double lows = 999_999.0 * 1_000_000;
        double mids = 999_999.0 * 1_000_000;
        double highs = 99_999.0 * 1_000_000;
        assertThat(MinorUnits.total(lows, mids, highs, EUR).toPlainString())
                .isEqualTo("999999999999999990000.00");
        assertThat(MinorUnits.total(1507, 0, 0, Currency.getInstance("JPY")).toPlainString()).isEqualTo("1507");
        assertThat(MinorUnits.total(1234, 1, 0, Currency.getInstance("KWD")).toPlainString()).isEqualTo("1001.234");
        assertThat(MinorUnits.total(0, 0, 0, EUR).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void refusesASumThatMayHaveBeenRounded() {
        assertThatThrownBy(() -> MinorUnits.total(0x1p53, 0, 0, EUR)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MinorUnits.total(0, 0.5, 0, EUR)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void neverSplitsANegativeAmount() {
        assertThatThrownBy(() -> MinorUnits.parts(Money.of("-1.00", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsABalanceFarBeyondALongExactInParts() {
        // 10^20 euros: what a long of minor units or ten-thousandths could never hold
        assertThat(MinorUnits.parts(Money.of("100000000000000000000.00", "EUR")))
                .isEqualTo(new MinorUnits.Parts(0, 0, 10_000_000_000L));
        assertThat(MinorUnits.total(0, 0, 10_000_000_000.0, EUR)).isEqualByComparingTo(new BigDecimal("1e20"));
    }
}
