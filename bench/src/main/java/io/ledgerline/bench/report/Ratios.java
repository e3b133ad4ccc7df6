package io.ledgerline.bench.report;

import io.ledgerline.bench.load.StepResult;

import java.util.List;
import java.util.Optional;

/** Figures divided by their baseline; NaN where either side is missing, never a division by zero. */
public final class Ratios {

    private Ratios() {
    }

    public static double of(double figure, double baseline) {
        if (Double.isNaN(figure) || Double.isNaN(baseline) || baseline == 0) {
            return Double.NaN;
        }
        return figure / baseline;
    }

    public static Optional<StepResult> atClients(List<StepResult> steps, int clients) {
        return steps.stream().filter(step -> step.clients() == clients).findFirst();
    }

    public static double rateAt(List<StepResult> steps, int clients) {
        return atClients(steps, clients).map(StepResult::perSecond).orElse(Double.NaN);
    }

    public static double highestRate(List<StepResult> steps) {
        return steps.stream().mapToDouble(StepResult::perSecond).max().orElse(Double.NaN);
    }

    /** Operations over seconds of several steps taken together: a longer or busier step weighs more than a short one. */
    public static double pooledRate(List<StepResult> steps) {
        double seconds = steps.stream().mapToDouble(StepResult::seconds).sum();
        return of(steps.stream().mapToLong(StepResult::operations).sum(), seconds);
    }

    /** CPU milliseconds one part of the machine spent per operation over several steps; NaN if it was not measured. */
    public static double cpuMillisPerOperation(List<StepResult> steps, String part) {
        if (steps.isEmpty() || steps.stream().anyMatch(step -> !step.cpuSeconds().containsKey(part))) {
            return Double.NaN;
        }
        double cpuSeconds = steps.stream().mapToDouble(step -> step.cpuSeconds().get(part)).sum();
        return of(cpuSeconds * 1000, steps.stream().mapToLong(StepResult::operations).sum());
    }
}
