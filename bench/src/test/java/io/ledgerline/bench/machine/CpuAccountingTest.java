package io.ledgerline.bench.machine;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuAccountingTest {

    @Test
    void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 250 40 10 20 0 60 0 123 0 0";

        assertThat(CpuAccounting.parseTicks(stat, false)).isEqualTo(1750);
        assertThat(CpuAccounting.parseTicks(stat, true)).isEqualTo(1800);
    }

    @Test
    void countsTheMachinesBusyTimeWithoutIdleAndIoWait() {
        String cpu = "cpu  1000 50 300 9000 400 20 30 5 0 0";

        assertThat(CpuAccounting.parseBusyTicks(cpu)).isEqualTo(1000 + 50 + 300 + 20 + 30 + 5);
    }

    @Test
    void attributesTheBusyTimeNobodyInTheRunUsedToOtherWork() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(Map.of("command-side", 100L, "PostgreSQL", 50L), 1_000, 0);
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(Map.of("command-side", 300L, "PostgreSQL", 150L), 1_500, 0);

        Map<String, Double> seconds = CpuAccounting.secondsBetween(before, after);

        assertThat(seconds).containsEntry("command-side", 2.0).containsEntry("PostgreSQL", 1.0)
                .containsEntry(CpuAccounting.OTHER_WORK, 2.0);
    }

    @Test
    void readsKilobytesFromProcStatus() {
        assertThat(ProcessMemory.parseKilobytes("   524288 kB")).isEqualTo(524_288);
    }
}
