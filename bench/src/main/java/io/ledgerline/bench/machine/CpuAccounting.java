package io.ledgerline.bench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of each part of the system, from /proc (Linux): where the machine's two cores went
 * during a step. Servers are recognised by their command lines, which all name the run's data
 * directory; a server's CPU includes its child processes (PostgreSQL's backends, Elasticsearch's
 * JVM), and the rest of the machine's busy time is "other work" that shared the cores with the run.
 */
public final class CpuAccounting {

    public static final String OTHER_WORK = "other work on the machine";

    /** USER_HZ: /proc reports CPU time in these ticks; 100 on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final Map<String, String> SERVERS = Map.of("postgres", "PostgreSQL", "kafka", "Kafka",
            "elasticsearch", "Elasticsearch", "zipkin", "Zipkin");

    private final Path dataDirectory;
    private final Map<String, Long> serviceJvms;

    /** @param serviceJvms the service JVMs by name (their command lines do not name the data directory reliably) */
    public CpuAccounting(Path dataDirectory, Map<String, Long> serviceJvms) {
        this.dataDirectory = dataDirectory;
        this.serviceJvms = serviceJvms;
    }

    /** CPU ticks used so far by each part of the system, by the harness itself and by the whole machine. */
    public Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        serviceJvms.forEach((name, pid) -> ticks.put(name, treeTicks(pid)));
        ProcessHandle.allProcesses().filter(this::isTreeRoot)
                .forEach(process -> server(process).ifPresent(name -> ticks.merge(name, treeTicks(process.pid()), Long::sum)));
        ticks.put("benchmark harness (load generator)", ownTicks(ProcessHandle.current().pid()));
        return new Snapshot(ticks, machineBusyTicks(), System.nanoTime());
    }

    /** CPU seconds per part between two snapshots, "other work" being the machine's busy time nobody here used. */
    public static Map<String, Double> secondsBetween(Snapshot before, Snapshot after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long ours = 0;
        for (Map.Entry<String, Long> entry : after.ticks().entrySet()) {
            long used = Math.max(0, entry.getValue() - before.ticks().getOrDefault(entry.getKey(), 0L));
            ours += used;
            seconds.put(entry.getKey(), used / TICKS_PER_SECOND);
        }
        long machine = after.machineBusyTicks() - before.machineBusyTicks();
        seconds.put(OTHER_WORK, Math.max(0, machine - ours) / TICKS_PER_SECOND);
        return seconds;
    }

    public record Snapshot(Map<String, Long> ticks, long machineBusyTicks, long nanoTime) {
    }

    /** Each server runs from (or keeps its temporary files in) its own subdirectory of the data directory. */
    private Optional<String> server(ProcessHandle process) {
        if (serviceJvms.containsValue(process.pid())) {
            return Optional.empty();
        }
        String commandLine = process.info().commandLine().orElse("");
        for (Map.Entry<String, String> server : SERVERS.entrySet()) {
            if (commandLine.contains(dataDirectory.resolve(server.getKey()).toString())) {
                return Optional.of(server.getValue());
            }
        }
        return Optional.empty();
    }

    /** A server's tree is counted once, from its topmost process (our own JVM started some of them). */
    private boolean isTreeRoot(ProcessHandle process) {
        return process.parent().map(parent -> parent.pid() == ProcessHandle.current().pid() || !namesDataDirectory(parent))
                .orElse(true);
    }

    private boolean namesDataDirectory(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.contains(dataDirectory.toString())).orElse(false);
    }

    /** The process and all its descendants, the exited ones included through cutime/cstime. */
    private static long treeTicks(long pid) {
        long ticks = processTicks(pid, true);
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isPresent()) {
            ticks += root.get().descendants().mapToLong(child -> processTicks(child.pid(), false)).sum();
        }
        return ticks;
    }

    private static long ownTicks(long pid) {
        return processTicks(pid, false);
    }

    /** utime + stime (fields 14 and 15 of /proc/pid/stat), plus cutime + cstime (16, 17) of waited-for children. */
    static long processTicks(long pid, boolean withExitedChildren) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withExitedChildren);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parseTicks(String stat, boolean withExitedChildren) {
        // the command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withExitedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** user + nice + system + irq + softirq + steal of the first line of /proc/stat. */
    static long machineBusyTicks() {
        try {
            return parseBusyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parseBusyTicks(String cpuLine) {
        List<String> fields = List.of(cpuLine.trim().split("\\s+"));
        long busy = 0;
        for (int index : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += index < fields.size() ? Long.parseLong(fields.get(index)) : 0;
        }
        return busy;
    }
}
