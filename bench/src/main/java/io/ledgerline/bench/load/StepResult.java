package io.ledgerline.bench.load;

import java.util.Map;

/**
 * What one load step measured: requests answered in the measured window (warm-up excluded),
 * failures, the rate, the latencies, and the CPU seconds each part of the machine used in the
 * window (empty when not measured).
 */
public record StepResult(String name, int clients, long operations, long errors, double seconds,
                         double perSecond, LatencySummary latency, String firstError, Map<String, Double> cpuSeconds) {

    public StepResult {
        cpuSeconds = cpuSeconds == null ? Map.of() : Map.copyOf(cpuSeconds);
    }

    public StepResult(String name, int clients, long operations, long errors, double seconds, double perSecond,
                      LatencySummary latency, String firstError) {
        this(name, clients, operations, errors, seconds, perSecond, latency, firstError, Map.of());
    }

    public StepResult withCpuSeconds(Map<String, Double> cpu) {
        return new StepResult(name, clients, operations, errors, seconds, perSecond, latency, firstError, cpu);
    }
}
