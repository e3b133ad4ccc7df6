package io.ledgerline.bench.comparison;

import io.ledgerline.bench.load.LatencySummary;
import io.ledgerline.bench.load.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GatewayComparisonTest {

    static StepResult deposits(long operations, double seconds, Map<String, Double> cpuSeconds) {
        return new StepResult("deposits", 32, operations, 0, seconds, operations / seconds,
                new LatencySummary(operations, 10, 15, 20, 30, 11), null, cpuSeconds);
    }

    @Test
    void poolsTheRoundsOfEachPathBeforeDividingSoThatALongerRoundWeighsMore() {
        // direct: 1000 + 3000 deposits in 10 + 5 s (100/s and 600/s, averaging 350/s) = 266.7/s over both rounds;
        // through the gateway: 900 + 2100 in 10 + 5 s = 200/s
        GatewayComparison comparison = new GatewayComparison(32,
                List.of(deposits(1000, 10, Map.of()), deposits(3000, 5, Map.of())),
                List.of(deposits(900, 10, Map.of()), deposits(2100, 5, Map.of())));

        assertThat(comparison.directRate()).isCloseTo(4000 / 15.0, within(1e-9));
        assertThat(comparison.gatewayRate()).isCloseTo(200, within(1e-9));
        assertThat(comparison.ratio()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void showsEachRoundsOwnRatioSoThatDriftBetweenRoundsIsVisible() {
        GatewayComparison comparison = new GatewayComparison(32,
                List.of(deposits(1000, 10, Map.of()), deposits(3000, 10, Map.of())),
                List.of(deposits(900, 10, Map.of()), deposits(2100, 10, Map.of())));

        assertThat(comparison.roundRatios()).containsExactly(0.9, 0.7);
    }

    @Test
    void judgesTheRoundsAfterTheFirst() {
        // the first round's direct step ran while the system still compiled its code: 1.2 here, flattering the gateway
        GatewayComparison comparison = new GatewayComparison(32,
                List.of(deposits(1000, 10, Map.of()), deposits(2000, 10, Map.of()), deposits(2000, 10, Map.of())),
                List.of(deposits(1200, 10, Map.of()), deposits(1600, 10, Map.of()), deposits(1600, 10, Map.of())));

        assertThat(comparison.settledFromRound()).isEqualTo(2);
        assertThat(comparison.settledRounds()).isEqualTo("rounds 2 to 3");
        assertThat(comparison.settledDirectRate()).isCloseTo(200, within(1e-9));
        assertThat(comparison.settledGatewayRate()).isCloseTo(160, within(1e-9));
        assertThat(comparison.settledRatio()).isCloseTo(0.8, within(1e-9));
        assertThat(comparison.ratio()).isCloseTo(4400 / 5000.0, within(1e-9));
    }

    @Test
    void judgesTheSecondRoundOfTwoAndTheOnlyRoundOfOne() {
        GatewayComparison two = new GatewayComparison(32,
                List.of(deposits(1000, 10, Map.of()), deposits(2000, 10, Map.of())),
                List.of(deposits(1200, 10, Map.of()), deposits(1600, 10, Map.of())));
        GatewayComparison one = new GatewayComparison(32, List.of(deposits(1000, 10, Map.of())), List.of(deposits(900, 10, Map.of())));

        assertThat(two.settledRounds()).isEqualTo("round 2");
        assertThat(two.settledRatio()).isCloseTo(0.8, within(1e-9));
        assertThat(one.settledFromRound()).isEqualTo(1);
        assertThat(one.settledRatio()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void chargesTheGatewaysCpuToTheDepositsThatWentThroughIt() {
        GatewayComparison comparison = new GatewayComparison(32,
                List.of(deposits(1000, 10, Map.of(GatewayComparison.COMMAND_SIDE, 4.0))),
                List.of(deposits(500, 10, Map.of(GatewayComparison.COMMAND_SIDE, 2.5, GatewayComparison.GATEWAY, 1.5))));

        assertThat(comparison.cpuMillisPerDeposit(comparison.direct(), GatewayComparison.COMMAND_SIDE)).isCloseTo(4.0, within(1e-9));
        assertThat(comparison.cpuMillisPerDeposit(comparison.throughGateway(), GatewayComparison.COMMAND_SIDE)).isCloseTo(5.0, within(1e-9));
        assertThat(comparison.cpuMillisPerDeposit(comparison.throughGateway(), GatewayComparison.GATEWAY)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void hasNoRatioWhenADirectRoundAnsweredNothing() {
        GatewayComparison comparison = new GatewayComparison(32, List.of(deposits(0, 10, Map.of())),
                List.of(deposits(900, 10, Map.of())));

        assertThat(comparison.ratio()).isNaN();
        assertThat(comparison.cpuMillisPerDeposit(comparison.direct(), GatewayComparison.COMMAND_SIDE)).isNaN();
    }
}
