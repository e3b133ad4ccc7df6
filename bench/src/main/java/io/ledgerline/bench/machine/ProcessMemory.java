package io.ledgerline.bench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process from /proc/{pid}/status (Linux): current (VmRSS) and peak (VmHWM). */
public final class ProcessMemory {

    private final long pid;

    public ProcessMemory(long pid) {
        this.pid = pid;
    }

    public OptionalLong residentBytes() {
        return field("VmRSS:");
    }

    /** The kernel's high-water mark: catches peaks between two samples. */
    public OptionalLong peakResidentBytes() {
        return field("VmHWM:");
    }

    private OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(parseKilobytes(line.substring(name.length())) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** "  123456 kB" */
    static long parseKilobytes(String value) {
        return Long.parseLong(value.trim().split("\\s+")[0]);
    }
}
