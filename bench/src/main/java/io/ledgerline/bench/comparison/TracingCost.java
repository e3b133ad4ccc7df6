package io.ledgerline.bench.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.report.Ratios;

import java.util.List;

/**
 * Deposits on command-side nodes that differ only in their trace sampling probability, each reporting to the
 * same Zipkin server, measured in rotating rounds. Sampling 0 is the reference: the tracing machinery runs, but
 * records and reports nothing.
 */
public record TracingCost(int clients, List<Sampling> samplings) {

    /** The CPU parts the comparison reads: the node the deposits went to, and the Zipkin server its spans went to. */
    public static final String NODE = "command-side";
    public static final String ZIPKIN = "Zipkin";

    public TracingCost {
        samplings = List.copyOf(samplings);
        if (samplings.stream().noneMatch(sampling -> sampling.probability() == 0)) {
            throw new IllegalArgumentException("The cost of tracing is measured against sampling 0, which is missing");
        }
    }

    /** @param steps the rounds of this node, in the order they ran */
    public record Sampling(double probability, List<StepResult> steps) {

        public Sampling {
            steps = List.copyOf(steps);
        }

        @JsonProperty
        public double depositsPerSecond() {
            return Ratios.pooledRate(steps);
        }

        @JsonProperty
        public double nodeCpuMillisPerDeposit() {
            return Ratios.cpuMillisPerOperation(steps, NODE);
        }

        @JsonProperty
        public double zipkinCpuMillisPerDeposit() {
            return Ratios.cpuMillisPerOperation(steps, ZIPKIN);
        }
    }

    public Sampling off() {
        return samplings.stream().filter(sampling -> sampling.probability() == 0).findFirst().orElseThrow();
    }

    public double rateRatio(Sampling sampling) {
        return Ratios.of(sampling.depositsPerSecond(), off().depositsPerSecond());
    }

    /** The node's CPU per deposit against tracing off (Zipkin's own CPU is shown apart). */
    public double cpuRatio(Sampling sampling) {
        return Ratios.of(sampling.nodeCpuMillisPerDeposit(), off().nodeCpuMillisPerDeposit());
    }
}
