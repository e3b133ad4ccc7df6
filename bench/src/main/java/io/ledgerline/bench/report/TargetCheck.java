package io.ledgerline.bench.report;

/** One target of the issue against what the run measured. */
public record TargetCheck(String target, String measured, Verdict verdict) {

    public enum Verdict {
        MET, MISSED, NOT_MEASURED
    }

    static TargetCheck atLeast(String target, double measured, double threshold, String shown) {
        return new TargetCheck(target, shown, Double.isNaN(measured) ? Verdict.NOT_MEASURED
                : measured >= threshold ? Verdict.MET : Verdict.MISSED);
    }

    static TargetCheck atMost(String target, double measured, double threshold, String shown) {
        return new TargetCheck(target, shown, Double.isNaN(measured) ? Verdict.NOT_MEASURED
                : measured <= threshold ? Verdict.MET : Verdict.MISSED);
    }
}
