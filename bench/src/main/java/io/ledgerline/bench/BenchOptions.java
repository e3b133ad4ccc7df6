package io.ledgerline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * What a run measures and where it writes. The defaults make the quick run: the ledger's figures within six minutes,
 * start and stop included; {@code --steps all} adds the gateway, tracing and GraphQL comparisons (a few minutes each,
 * with a gateway and three command-side nodes of their own); {@code --events 1000000} adds a large event store for the rebuilds and the latency-versus-size check.
 *
 * @param step   measured time of every load step
 * @param warmup load before each step's measured time (a third of a step unless given); the longer warm-ups before
 *               a part's first step are multiples of it, see {@link #warmupOfSteps(int)}
 * @param name   the report's file name without extension
 * @param steps  the parts of the benchmark that run, in the order of {@link #STEPS}
 * @param rounds how often each comparison (gateway, tracing) measures each of its variants
 */
public record BenchOptions(Path projectDirectory, long events, List<Integer> clients, Duration step, Duration warmup,
                           Path outDirectory, Path dataDirectory, boolean profile, List<String> serviceJvmOptions, String name,
                           List<String> steps, int rounds) {

    /** The ledger phases (baseline, deposits and the peer's, transfers, hot accounts, lag, store size, rebuilds), then the two comparisons. */
    public static final String LEDGER = "ledger";
    public static final String GATEWAY = "gateway";
    public static final String TRACING = "tracing";
    /** A customer view read in one GraphQL POST against the REST calls it replaces. */
    public static final String GRAPHQL = "graphql";
    public static final List<String> STEPS = List.of(LEDGER, GATEWAY, TRACING, GRAPHQL);
    /** Every part, in one run. */
    public static final String ALL = "all";
    /** The quick run: the ledger's own figures, within six minutes; the comparisons add minutes each. */
    public static final List<String> DEFAULT_STEPS = List.of(LEDGER);
    public static final int DEFAULT_ROUNDS = 2;

    public static final long DEFAULT_EVENTS = 10_000;
    public static final List<Integer> DEFAULT_CLIENTS = List.of(1, 8, 32, 64);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(6);

    public static final String USAGE = """
            Usage: bench/run [options]
              --events N            events in the store before the rebuilds (default 10000; e.g. 1000000)
              --clients LIST        concurrent clients per step (default 1,8,32,64)
              --duration D          measured time per step, e.g. 6s or 1m (default 6s)
              --warmup D            load before each measured step, e.g. 1s or 500ms (default a third of --duration); the
                                    longer warm-ups before a part's first step (the services before the ledger's figures
                                    4 steps, the gateway 5, each tracing node 2) scale with it. Shorter is quicker and
                                    measures less compiled code: for smoke runs, not for reports
              --out DIR             where the report goes (default bench/target/report)
              --name NAME           report file name without extension (default <date>-quick or <date>-events-N)
              --profile             record a JFR profile of the command side and summarise it in the report
              --service-jvm-options "OPTS"  extra JVM options for both services (e.g. "-XX:TieredStopAtLevel=4")
              --data-dir DIR        where the servers keep their data (default bench/target/bench-data; emptied first)
              --steps LIST          parts to run, or all (default ledger: the quick run): ledger = baseline, deposits and the
                                    plain Axon peer's, transfers, hot accounts, lag, store size, rebuilds; gateway = deposits through the gateway against direct;
                                    tracing = deposits at trace sampling 0, 10% and 100%; graphql = a customer with accounts and
                                    their last 10 lines in one GraphQL POST against the REST calls it replaces
              --rounds N            rounds of each comparison, the order of its variants rotating (default 2)
              --no-build            (bench/run) use what is already built""";

    /**
     * A longer warm-up before a part's first step (services not yet compiled, a gateway just started), given in measured
     * steps: {@code steps} steps long by default (the default warm-up being a third of a step), and in proportion to
     * {@code --warmup} when it is given, so that a shorter {@code --warmup} shortens every warm-up of the run.
     */
    public Duration warmupOfSteps(int steps) {
        // a third of a step is cut to whole nanoseconds (3.333333333 s of 10 s): to the millisecond, five steps stay 50 s
        return Duration.ofMillis(Math.round(warmup.multipliedBy(3L * steps).toNanos() / 1e6));
    }

    public boolean runs(String step) {
        return steps.contains(step);
    }

    public int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    public static BenchOptions parse(List<String> arguments) {
        Path project = Path.of("").toAbsolutePath();
        long events = DEFAULT_EVENTS;
        List<Integer> clients = DEFAULT_CLIENTS;
        Duration step = DEFAULT_STEP;
        Duration warmup = null;
        String out = null;
        String data = null;
        String name = null;
        boolean profile = false;
        List<String> jvmOptions = List.of();
        List<String> steps = DEFAULT_STEPS;
        int rounds = DEFAULT_ROUNDS;
        Iterator<String> it = arguments.iterator();
        while (it.hasNext()) {
            String argument = it.next();
            switch (argument) {
                case "--project-dir" -> project = Path.of(value(it, argument)).toAbsolutePath();
                case "--events" -> events = positiveLong(value(it, argument), argument);
                case "--clients" -> clients = clientList(value(it, argument));
                case "--duration" -> step = duration(value(it, argument));
                case "--warmup" -> warmup = duration(value(it, argument), argument);
                case "--out" -> out = value(it, argument);
                case "--data-dir" -> data = value(it, argument);
                case "--name" -> name = value(it, argument);
                case "--profile" -> profile = true;
                case "--steps" -> steps = stepList(value(it, argument));
                case "--rounds" -> rounds = (int) positiveLong(value(it, argument), argument);
                case "--service-jvm-options" -> jvmOptions = Arrays.stream(value(it, argument).trim().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList();
                default -> throw new IllegalArgumentException("Unknown option: " + argument);
            }
        }
        String defaultName = LocalDate.now() + (events == DEFAULT_EVENTS ? "-quick" : "-events-" + events);
        return new BenchOptions(project, events, clients, step, warmup == null ? step.dividedBy(3) : warmup,
                out == null ? project.resolve("bench/target/report") : project.resolve(out),
                data == null ? project.resolve("bench/target/bench-data") : project.resolve(data),
                profile, jvmOptions, name == null ? defaultName : name, steps, rounds);
    }

    static List<String> stepList(String text) {
        List<String> chosen = Arrays.stream(text.split(",")).map(String::trim).filter(step -> !step.isEmpty()).toList();
        if (chosen.contains(ALL)) {
            return STEPS;
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--steps needs at least one of " + String.join(",", STEPS));
        }
        for (String step : chosen) {
            if (!STEPS.contains(step)) {
                throw new IllegalArgumentException("Unknown part of the benchmark: " + step + " (known: " + String.join(",", STEPS) + ")");
            }
        }
        return STEPS.stream().filter(chosen::contains).toList();
    }

    private static String value(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static long positiveLong(String text, String option) {
        try {
            long value = Long.parseLong(text.replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number: " + text);
    }

    static List<Integer> clientList(String text) {
        List<Integer> clients = new ArrayList<>();
        for (String part : text.split(",")) {
            clients.add((int) positiveLong(part.trim(), "--clients"));
        }
        return clients.stream().distinct().sorted().toList();
    }

    /** "6s", "90s", "2m" or a plain number of seconds. */
    static Duration duration(String text) {
        return duration(text, "--duration");
    }

    private static Duration duration(String text, String option) {
        String trimmed = text.trim().toLowerCase();
        if (trimmed.endsWith("ms")) {
            return Duration.ofMillis(positiveLong(trimmed.substring(0, trimmed.length() - 2), option));
        }
        if (trimmed.endsWith("m")) {
            return Duration.ofMinutes(positiveLong(trimmed.substring(0, trimmed.length() - 1), option));
        }
        if (trimmed.endsWith("s")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return Duration.ofSeconds(positiveLong(trimmed, option));
    }
}
