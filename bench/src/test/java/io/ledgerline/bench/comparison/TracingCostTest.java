package io.ledgerline.bench.comparison;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ledgerline.bench.comparison.GatewayComparisonTest.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TracingCostTest {

    private static TracingCost.Sampling sampling(double probability, long deposits, double nodeCpu, double zipkinCpu) {
        return new TracingCost.Sampling(probability, List.of(
                deposits(deposits / 2, 10, Map.of(TracingCost.NODE, nodeCpu / 2, TracingCost.ZIPKIN, zipkinCpu / 2)),
                deposits(deposits / 2, 10, Map.of(TracingCost.NODE, nodeCpu / 2, TracingCost.ZIPKIN, zipkinCpu / 2))));
    }

    private final TracingCost cost = new TracingCost(32, List.of(sampling(0, 4000, 8, 0), sampling(0.1, 3800, 8.36, 0.2),
            sampling(1.0, 3000, 9, 1.2)));

    @Test
    void poolsEachSamplingsRoundsIntoOneRateAndCpuPerDeposit() {
        TracingCost.Sampling full = cost.samplings().get(2);

        assertThat(full.depositsPerSecond()).isCloseTo(150, within(1e-9));
        assertThat(full.nodeCpuMillisPerDeposit()).isCloseTo(3.0, within(1e-9));
        assertThat(full.zipkinCpuMillisPerDeposit()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void setsEachSamplingAgainstTracingOff() {
        assertThat(cost.rateRatio(cost.samplings().get(0))).isCloseTo(1.0, within(1e-9));
        assertThat(cost.rateRatio(cost.samplings().get(1))).isCloseTo(0.95, within(1e-9));
        assertThat(cost.rateRatio(cost.samplings().get(2))).isCloseTo(0.75, within(1e-9));
        // 2.0 ms per deposit unsampled, 2.2 at 10%, 3.0 at 100%
        assertThat(cost.cpuRatio(cost.samplings().get(1))).isCloseTo(1.1, within(1e-9));
        assertThat(cost.cpuRatio(cost.samplings().get(2))).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void needsSamplingZeroAsItsReference() {
        assertThatThrownBy(() -> new TracingCost(32, List.of(sampling(0.1, 100, 1, 0), sampling(1.0, 100, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampling 0");
    }
}
