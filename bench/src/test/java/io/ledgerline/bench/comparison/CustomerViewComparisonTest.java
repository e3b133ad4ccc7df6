package io.ledgerline.bench.comparison;

import io.ledgerline.bench.load.LatencySummary;
import io.ledgerline.bench.load.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CustomerViewComparisonTest {

    static StepResult views(int clients, long operations, double p50, double p99, Map<String, Double> cpuSeconds) {
        return new StepResult("views", clients, operations, 0, 10, operations / 10.0,
                new LatencySummary(operations, p50, p99, p99, p99, p50), null, cpuSeconds);
    }

    /** 5 accounts: one GraphQL POST of 9,000 bytes against 1 + 1 + 5 REST calls of 12,000 bytes in all. */
    static CustomerViewComparison comparison(List<CustomerViewComparison.AtClients> steps) {
        return new CustomerViewComparison(5, 10, new CustomerViewComparison.ViewShape(1, 9_000),
                new CustomerViewComparison.ViewShape(7, 12_000), steps);
    }

    @Test
    void comparesTheGraphQlViewsRateAndLatenciesToTheRestViewsAtTheSameClients() {
        CustomerViewComparison.AtClients at8 = new CustomerViewComparison.AtClients(8,
                views(8, 3000, 4, 20, Map.of()), views(8, 1000, 12, 50, Map.of()));

        assertThat(at8.rateRatio()).isCloseTo(3.0, within(1e-9));
        assertThat(at8.p50Ratio()).isCloseTo(4 / 12.0, within(1e-9));
        assertThat(at8.p99Ratio()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void chargesTheQuerySidesCpuOfAStepToTheViewsItAnswered() {
        // GraphQL: 6 CPU seconds over 3,000 views = 2 ms a view; REST: 5 s over 1,000 views = 5 ms a view
        CustomerViewComparison.AtClients at8 = new CustomerViewComparison.AtClients(8,
                views(8, 3000, 4, 20, Map.of(CustomerViewComparison.QUERY_SIDE, 6.0)),
                views(8, 1000, 12, 50, Map.of(CustomerViewComparison.QUERY_SIDE, 5.0)));

        assertThat(at8.graphqlCpuMillisPerView(CustomerViewComparison.QUERY_SIDE)).isCloseTo(2.0, within(1e-9));
        assertThat(at8.restCpuMillisPerView(CustomerViewComparison.QUERY_SIDE)).isCloseTo(5.0, within(1e-9));
        assertThat(at8.cpuRatio(CustomerViewComparison.QUERY_SIDE)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void hasNoCpuFigureWhereThePartWasNotMeasured() {
        CustomerViewComparison.AtClients at1 = new CustomerViewComparison.AtClients(1,
                views(1, 100, 4, 20, Map.of()), views(1, 50, 12, 50, Map.of(CustomerViewComparison.QUERY_SIDE, 1.0)));

        assertThat(at1.graphqlCpuMillisPerView(CustomerViewComparison.QUERY_SIDE)).isNaN();
        assertThat(at1.cpuRatio(CustomerViewComparison.QUERY_SIDE)).isNaN();
    }

    @Test
    void hasNoRateRatioWhenTheRestViewAnsweredNothing() {
        CustomerViewComparison.AtClients at1 = new CustomerViewComparison.AtClients(1,
                views(1, 100, 4, 20, Map.of()), views(1, 0, Double.NaN, Double.NaN, Map.of()));

        assertThat(at1.rateRatio()).isNaN();
    }

    @Test
    void comparesCallsAndBytesOfOneViewOfEachKind() {
        CustomerViewComparison comparison = comparison(List.of());

        assertThat(comparison.callsRatio()).isCloseTo(1 / 7.0, within(1e-9));
        assertThat(comparison.bytesRatio()).isCloseTo(0.75, within(1e-9));
    }
}
