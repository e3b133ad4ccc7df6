package io.ledgerline.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountKeysTest {

    @Test
    void writesTheTenThousandthsBehindTheirNumberOfDigits() {
        assertThat(AmountKeys.of(new BigDecimal("5.50"))).isEqualTo("0555000");
        assertThat(AmountKeys.of(new BigDecimal("7"))).isEqualTo("0570000");
        assertThat(AmountKeys.of(new BigDecimal("0.001"))).isEqualTo("0210");
        assertThat(AmountKeys.of(new BigDecimal("1000000000.00"))).isEqualTo("1410000000000000");
    }

    @Test
    void sortsLikeTheAmountsUpToAndBeyondWhatALongHolds() {
        List<String> ascending = List.of("0", "0.0001", "0.01", "5.5", "9.9999", "10", "99.99", "100",
                "922337203685477.5807", "922337203685477.5808", "999999999999999.9999", "1000000000000000",
                "100000000000000000000");
        List<String> keys = new ArrayList<>(ascending.stream().map(a -> AmountKeys.of(new BigDecimal(a))).toList());
        Collections.shuffle(keys);
        Collections.sort(keys);
        assertThat(keys).containsExactlyElementsOf(ascending.stream().map(a -> AmountKeys.of(new BigDecimal(a))).toList());
    }

    @Test
    void roundsRangeBoundsInwardsSoThatNoAmountOutsideTheRangeMatches() {
        assertThat(AmountKeys.atLeast(new BigDecimal("5.00001"))).isEqualTo(AmountKeys.of(new BigDecimal("5.0001")));
        assertThat(AmountKeys.atMost(new BigDecimal("5.00009"))).isEqualTo(AmountKeys.of(new BigDecimal("5")));
    }

    @Test
    void takesNegativeBoundsAsNoneBelowAndNothingAbove() {
        assertThat(AmountKeys.atLeast(new BigDecimal("-1.00001"))).isEqualTo(AmountKeys.of(BigDecimal.ZERO));
        assertThat(AmountKeys.atMost(new BigDecimal("-0.01"))).isLessThan(AmountKeys.of(BigDecimal.ZERO));
    }
}
