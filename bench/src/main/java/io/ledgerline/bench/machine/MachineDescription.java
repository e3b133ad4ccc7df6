package io.ledgerline.bench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on; read from the JVM and /proc, so the report describes itself. */
public record MachineDescription(int processors, String cpuModel, long memoryBytes, String os, String javaVersion,
                                 String javaVm, String postgresVersion, String postgresFsync, String postgresSynchronousCommit,
                                 String kafkaVersion, String elasticsearchVersion, String loadAverageAtStart, String loadAverageAtEnd) {

    public static MachineDescription read(String postgresVersion, String postgresFsync, String postgresSynchronousCommit,
                                          String kafkaVersion, String elasticsearchVersion, String loadAverageAtStart) {
        return new MachineDescription(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                postgresVersion, postgresFsync, postgresSynchronousCommit, kafkaVersion, elasticsearchVersion,
                loadAverageAtStart, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was apart from this run. */
    public static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : lines.get(0);
    }

    private static String readCpuModel() {
        return lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static long readMemoryBytes() {
        return lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> ProcessMemory.parseKilobytes(line.substring("MemTotal:".length())) * 1024)
                .findFirst().orElse(0L);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
