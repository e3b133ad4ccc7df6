package io.ledgerline.bench;

import io.ledgerline.bench.baseline.CommitRateBaseline;
import io.ledgerline.bench.comparison.CustomerViewComparison;
import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.HotMethods;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.machine.MemoryWatch;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerAxon;
import io.ledgerline.bench.report.BenchReport;
import io.ledgerline.bench.report.ReportFiles;
import io.ledgerline.bench.report.TargetCheck;
import io.ledgerline.bench.report.TargetFigures;
import io.ledgerline.bench.report.Targets;
import io.ledgerline.bench.store.DepositBulkLoad;
import io.ledgerline.bench.store.EventStoreSize;
import io.ledgerline.bench.store.LedgerVerificationRate;
import io.ledgerline.localstack.KitLocations;
import io.ledgerline.localstack.LocalStackOptions;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.localstack.process.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point of bench/run: starts Ledgerline with fresh data, runs the phases, stops everything,
 * then writes the report (the command side's profile is complete only once its JVM has exited).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options, "bench/run " + String.join(" ", visibleArguments(args)));
        System.exit(0);
    }

    /** Starts the system, measures what the options select, stops everything and writes the report. */
    static List<Path> run(BenchOptions options, String command) throws Exception {
        Progress progress = new Progress();
        String startedAt = Instant.now().toString();
        String loadAtStart = MachineDescription.loadAverage();
        progress.accept("Ledgerline benchmark '" + options.name() + "': " + String.join(", ", options.steps()) + "; events "
                + options.events() + ", clients " + options.clients() + ", " + options.step().toSeconds() + " s per step, "
                + options.rounds() + " rounds per comparison; data in " + options.dataDirectory());
        FreshData.prepare(options.dataDirectory());
        Path recording = options.dataDirectory().resolve("profile").resolve("command-side.jfr");

        BenchRun.Measurements measured;
        GatewayComparison gateway = null;
        TracingCost tracing = null;
        CustomerViewComparison graphql = null;
        List<ServiceMemory> memory = new ArrayList<>();
        String postgresVersion;
        String fsync;
        String synchronousCommit;
        String serviceJvm;
        try (LocalSystem system = LocalSystem.start(systemOptions(options, recording), message -> progress.accept("[system] " + message));
             LedgerClient ledger = new LedgerClient(system.commandSideUri(), system.querySideUri());
             MemoryWatch commandMemory = new MemoryWatch("command-side", ServiceJvm.pid(system.commandSidePid()));
             MemoryWatch queryMemory = new MemoryWatch("query-side", ServiceJvm.pid(system.querySidePid()));
             // the peer comes up while the ledger warms up; it runs only with the ledger phases it is compared in
             PeerAxon peer = options.runs(BenchOptions.LEDGER)
                     ? PeerAxon.start(options.projectDirectory(), system, serviceJvmOptions(options), progress) : null) {
            String commandJdbc = system.stack().postgresJdbcUrl("ledgerline_command");
            CommitRateBaseline baseline = new CommitRateBaseline(commandJdbc, system.stack().postgresUser(),
                    system.stack().postgresPassword());
            EventStoreSize storeSize = new EventStoreSize(commandJdbc, system.stack().postgresUser(), system.stack().postgresPassword());
            Map<String, Long> serviceJvms = new LinkedHashMap<>(Map.of(
                    "command-side", ServiceJvm.pid(system.commandSidePid()), "query-side", ServiceJvm.pid(system.querySidePid())));
            if (peer != null) {
                // its own column, so that its CPU is not "other work" and never counts as the ledger's
                serviceJvms.put(PeerAxon.NAME, ServiceJvm.pid(peer.pid()));
            }
            CpuAccounting cpu = new CpuAccounting(options.dataDirectory(), serviceJvms);
            DepositBulkLoad bulkLoad = new DepositBulkLoad(commandJdbc, system.stack().postgresUser(),
                    system.stack().postgresPassword(), progress);
            LedgerVerificationRate verificationRate = new LedgerVerificationRate(commandJdbc, system.stack().postgresUser(),
                    system.stack().postgresPassword(), progress);
            // the second line of the key file the command side signs checkpoints with
            Supplier<String> checkpointPublicKey = () -> readLine(system.checkpointKeyFile(), 1);
            if (!options.runs(BenchOptions.LEDGER)) {
                // the report reads the server's version and settings through the baseline's database
                baseline.prepare();
            }
            String runId = "bench-" + System.currentTimeMillis();
            measured = options.runs(BenchOptions.LEDGER)
                    ? new BenchRun(options, progress, ledger, baseline, storeSize, bulkLoad, cpu, verificationRate,
                    checkpointPublicKey, peer).run(runId)
                    : BenchRun.Measurements.notMeasured();
            if (options.runs(BenchOptions.GATEWAY)) {
                gateway = new GatewayStep(options, progress, system, serviceJvmOptions(options)).run(runId + "-gateway");
            }
            if (options.runs(BenchOptions.TRACING)) {
                tracing = new TracingStep(options, progress, system, serviceJvmOptions(options)).run(runId + "-tracing");
            }
            if (options.runs(BenchOptions.GRAPHQL)) {
                graphql = new GraphqlStep(options, progress, system, ledger).run(runId + "-graphql");
            }
            memory.add(commandMemory.peak());
            memory.add(queryMemory.peak());
            postgresVersion = baseline.serverVersion();
            fsync = baseline.setting("fsync");
            synchronousCommit = baseline.setting("synchronous_commit");
            serviceJvm = ServiceJvm.options(ServiceJvm.pid(system.commandSidePid()));
            progress.accept("Measurements done; stopping the system");
        }

        HotMethods.Profile profile = null;
        if (options.profile() && HotMethods.exists(recording)) {
            profile = HotMethods.read(recording, 15);
        }
        KitLocations kit = KitLocations.load();
        MachineDescription machine = MachineDescription.read(postgresVersion, fsync, synchronousCommit, kit.kafkaVersion(),
                kit.elasticsearchVersion(), loadAtStart);
        List<TargetCheck> targets = new ArrayList<>();
        if (options.runs(BenchOptions.LEDGER)) {
            targets.addAll(Targets.check(new TargetFigures(measured.baseline(), measured.deposits(), measured.transfers(),
                    measured.atHalfMaximum(), measured.peer(), measured.lag(), measured.storeSizeProbe(), measured.rebuilds(),
                    memory, measured.hotAccounts())));
            targets.add(Targets.verification(measured.verification()));
        }
        targets.add(Targets.gateway(gateway));
        BenchReport report = new BenchReport(options.name(), startedAt, command,
                new BenchReport.RunSettings(options.events(), options.clients(), options.step().toMillis() / 1000.0,
                        options.warmup().toMillis() / 1000.0, options.profile(), serviceJvm, options.steps(), options.rounds()),
                machine, measured.baseline(), measured.baselineWithoutSync(), measured.deposits(), measured.transfers(), measured.halfMaximumRate(),
                measured.atHalfMaximum(), measured.lag(), measured.storeSizeProbe(), measured.fill(), measured.rebuilds(),
                memory, profile, targets, progress.elapsedSeconds(), gateway, tracing, measured.peer(), measured.hotAccounts(), graphql);
        List<Path> files = ReportFiles.write(report, options.outDirectory(), options.name());
        files.forEach(file -> progress.accept("Report written: " + file));
        targets.forEach(check -> progress.accept(String.format("  %-13s %s: %s", check.verdict(), check.target(), check.measured())));
        return files;
    }

    /**
     * The launcher stops the services at the quick compiler for tests, which starts them sooner;
     * production JVMs (the container image, ./run-local) run the optimizing one, so the bench does.
     */
    private static final List<String> PRODUCTION_JIT = List.of("-XX:TieredStopAtLevel=4");

    private static final List<String> UNTHROTTLED = List.of("-Dledgerline.rate-limit.requests-per-second=1000000000",
            "-Dledgerline.rate-limit.burst=1000000000");

    /**
     * The bench measures how fast the ledger is, not its rate limit: every client shares one subject,
     * so the limit is set beyond reach, which keeps the limiter itself in the measured path; options
     * given to the bench come later and win.
     */
    static List<String> serviceJvmOptions(BenchOptions options) {
        List<String> jvm = new ArrayList<>(PRODUCTION_JIT);
        jvm.addAll(UNTHROTTLED);
        jvm.addAll(options.serviceJvmOptions());
        return jvm;
    }

    private static LocalSystemOptions systemOptions(BenchOptions options, Path recording) {
        List<String> commandSide = new ArrayList<>(serviceJvmOptions(options));
        List<String> querySide = serviceJvmOptions(options);
        if (options.profile()) {
            FileTrees.deleteRecursively(recording.getParent());
            recording.getParent().toFile().mkdirs();
            commandSide.add("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true");
        }
        // a fresh persistent directory: PostgreSQL runs with fsync and synchronous commits on, as ./run-local
        // and production do, so the raw commit baseline and the services pay the same WAL flush per commit
        return LocalSystemOptions.forProject(options.projectDirectory())
                .withStack(LocalStackOptions.defaults().persistentIn(options.dataDirectory()))
                .withJvmOptions(commandSide, querySide);
    }

    private static String readLine(Path file, int index) {
        try {
            return Files.readAllLines(file).get(index).strip();
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("The checkpoint key file " + file + " holds no public key", e);
        }
    }

    /** The options as given, without the project directory that bench/run always adds. */
    private static List<String> visibleArguments(String[] args) {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--project-dir")) {
                i++;
            } else {
                visible.add(args[i]);
            }
        }
        return visible;
    }
}
