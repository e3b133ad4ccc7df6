package io.ledgerline.bench.machine;

import io.ledgerline.bench.load.MeasurementWindow;

import java.util.Map;

/** CPU seconds of each part of the system over one step's measured window. */
public final class CpuWindow implements MeasurementWindow {

    private final CpuAccounting accounting;
    private CpuAccounting.Snapshot start;
    private Map<String, Double> seconds = Map.of();

    public CpuWindow(CpuAccounting accounting) {
        this.accounting = accounting;
    }

    @Override
    public void opened() {
        start = accounting.snapshot();
    }

    @Override
    public void closed() {
        seconds = CpuAccounting.secondsBetween(start, accounting.snapshot());
    }

    public Map<String, Double> seconds() {
        return seconds;
    }
}
