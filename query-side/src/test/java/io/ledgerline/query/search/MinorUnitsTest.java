package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void countsInTheMinorUnitsOfTheCurrency() {
        assertThat(MinorUnits.of(Money.of("12.5", "EUR"))).isEqualTo(1250);
        assertThat(MinorUnits.of(Money.of("1500", "JPY"))).isEqualTo(1500);
        assertThat(MinorUnits.of(Money.of("1.234", "BHD"))).isEqualTo(1234);
        assertThat(MinorUnits.of(Money.of("-0.01", "USD"))).isEqualTo(-1);
    }

    @Test
    void rendersMinorUnitsAsADecimalOfTheCurrency() {
        assertThat(MinorUnits.decimal(3000, Currency.getInstance("EUR"))).isEqualTo("30.00");
        assertThat(MinorUnits.decimal(5, Currency.getInstance("EUR"))).isEqualTo("0.05");
        assertThat(MinorUnits.decimal(1507, Currency.getInstance("JPY"))).isEqualTo("1507");
        assertThat(MinorUnits.decimal(-1234, Currency.getInstance("KWD"))).isEqualTo("-1.234");
    }

    @Test
    void comparesAmountsOfAnyCurrencyInTenThousandths() {
        assertThat(MinorUnits.tenThousandths(Money.of("5.50", "EUR"))).isEqualTo(55_000);
        assertThat(MinorUnits.tenThousandths(Money.of("7", "JPY"))).isEqualTo(70_000);
        assertThat(MinorUnits.tenThousandths(Money.of("0.001", "BHD"))).isEqualTo(10);
    }

    @Test
    void roundsRangeBoundsInwardsSoThatNoAmountOutsideTheRangeMatches() {
        assertThat(MinorUnits.tenThousandthsAtLeast(new BigDecimal("5.00001"))).isEqualTo(50_001);
        assertThat(MinorUnits.tenThousandthsAtMost(new BigDecimal("5.00009"))).isEqualTo(50_000);
        assertThat(MinorUnits.tenThousandthsAtLeast(new BigDecimal("-1.00001"))).isEqualTo(-10_000);
    }

    @Test
    void takesAnExactSumAndRefusesOneThatMayHaveBeenRounded() {
        assertThat(MinorUnits.fromSum(10_550.0)).isEqualTo(10_550);
        assertThat(MinorUnits.fromSum(-42.0)).isEqualTo(-42);
        assertThatThrownBy(() -> MinorUnits.fromSum(0x1p53)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MinorUnits.fromSum(0.5)).isInstanceOf(ArithmeticException.class);
    }
}
