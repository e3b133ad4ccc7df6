package io.ledgerline.bench.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.report.Ratios;

import java.util.ArrayList;
import java.util.List;

/**
 * Deposits sent directly to the command side and through the gateway in front of the same node, in rounds:
 * {@code direct.get(i)} and {@code throughGateway.get(i)} ran back to back in round {@code i}.
 */
public record GatewayComparison(int clients, List<StepResult> direct, List<StepResult> throughGateway) {

    /** The CPU parts the comparison reads (the names its CPU accounting gives the processes). */
    public static final String COMMAND_SIDE = "command-side";
    public static final String GATEWAY = "gateway";

    public GatewayComparison {
        direct = List.copyOf(direct);
        throughGateway = List.copyOf(throughGateway);
    }

    @JsonProperty
    public double directRate() {
        return Ratios.pooledRate(direct);
    }

    @JsonProperty
    public double gatewayRate() {
        return Ratios.pooledRate(throughGateway);
    }

    /** Through the gateway against direct, over all rounds: the figure the 0.85 target is about. */
    @JsonProperty
    public double ratio() {
        return Ratios.of(gatewayRate(), directRate());
    }

    @JsonProperty
    public List<Double> roundRatios() {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(direct.size(), throughGateway.size()); round++) {
            ratios.add(Ratios.of(throughGateway.get(round).perSecond(), direct.get(round).perSecond()));
        }
        return ratios;
    }

    public double cpuMillisPerDeposit(List<StepResult> steps, String part) {
        return Ratios.cpuMillisPerOperation(steps, part);
    }
}
