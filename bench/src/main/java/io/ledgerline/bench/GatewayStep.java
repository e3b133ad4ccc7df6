package io.ledgerline.bench;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.Rounds;
import io.ledgerline.bench.ledger.BenchAccounts;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.ledger.LedgerOperations;
import io.ledgerline.bench.load.ClosedLoopLoad;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.CpuWindow;
import io.ledgerline.bench.store.EventStoreSize;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.localstack.launch.ServiceProcess;
import io.ledgerline.localstack.process.Ports;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deposits sent straight to the command side and through a gateway the bench starts in front of that same node,
 * in rounds whose order swaps: what the extra hop (JWT check, routing, rate limit, breaker) costs a deposit.
 */
final class GatewayStep {

    /** The concurrency the target names. */
    static final int CLIENTS = 32;
    private static final int ACCOUNTS_PER_CLIENT = 4;
    /**
     * The gateway's code is compiled by the optimizing compiler only after thousands of requests on its paths. Two steps
     * at 8 clients left it compiling through the measured rounds (its compiler threads took about 40 % of its CPU
     * there), so the rounds measured a one-off cost spread over a few hundred deposits; warmed at the measured
     * concurrency for five steps, they measure a gateway that forwards.
     */
    private static final int WARMUP_CLIENTS = CLIENTS;
    private static final int WARMUP_STEPS = 5;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(60);
    private static final String COMMAND_DATABASE = "ledgerline_command";
    /** As ./run-local gives it: the gateway holds no data, only connections and the rate limit's buckets. */
    private static final String GATEWAY_HEAP = "-Xmx256m";
    /**
     * Every load client is a subject of its own, but each runs far beyond the gateway's production rate; the limit is
     * set beyond reach so that the limiter stays in the measured path without deciding the rate.
     */
    private static final List<String> UNTHROTTLED = List.of(
            "--ledgerline.gateway.rate-limit.commands.requests-per-second=1000000000",
            "--ledgerline.gateway.rate-limit.commands.burst=1000000000",
            "--ledgerline.gateway.rate-limit.queries.requests-per-second=1000000000",
            "--ledgerline.gateway.rate-limit.queries.burst=1000000000");

    private final BenchOptions options;
    private final Progress progress;
    private final LocalSystem system;
    private final List<String> jvmOptions;

    /** @param jvmOptions the JVM options the services run with (the optimizing compiler among them) */
    GatewayStep(BenchOptions options, Progress progress, LocalSystem system, List<String> jvmOptions) {
        this.options = options;
        this.progress = progress;
        this.system = system;
        this.jvmOptions = jvmOptions;
    }

    GatewayComparison run(String runId) {
        int port = Ports.freePort();
        List<String> gatewayJvm = new ArrayList<>(jvmOptions);
        gatewayJvm.add(GATEWAY_HEAP);
        progress.accept("Starting a gateway on port " + port + " in front of the command side at " + system.commandSideUri());
        try (ServiceProcess gateway = ServiceProcess.start("bench-gateway",
                options.projectDirectory().resolve(LocalSystemOptions.GATEWAY_JAR), port, gatewayJvm, arguments(port),
                system.logDirectory().resolve("bench-gateway.log"),
                system.stack().workDirectory().serverDirectory("services").resolve("bench-gateway-tmp"),
                system.stack().pidFiles())) {
            gateway.awaitReady(START_TIMEOUT, progress);
            try (LedgerClient direct = new LedgerClient(system.commandSideUri(), system.querySideUri());
                 LedgerClient throughGateway = new LedgerClient(gateway.baseUri(), gateway.baseUri())) {
                return measure(runId, direct, throughGateway, ServiceJvm.pid(gateway.pid()));
            }
        }
    }

    private GatewayComparison measure(String runId, LedgerClient direct, LedgerClient throughGateway, long gatewayPid) {
        BenchAccounts accounts = BenchAccounts.open(direct, runId, CLIENTS, ACCOUNTS_PER_CLIENT, 0, progress);
        List<LedgerOperations> paths = List.of(new LedgerOperations(direct, accounts), new LedgerOperations(throughGateway, accounts));
        CpuAccounting cpu = new CpuAccounting(options.dataDirectory(), Map.of(
                GatewayComparison.COMMAND_SIDE, ServiceJvm.pid(system.commandSidePid()),
                LocalSystem.QUERY_SIDE, ServiceJvm.pid(system.querySidePid()),
                GatewayComparison.GATEWAY, gatewayPid));
        Duration warmup = options.warmupOfSteps(WARMUP_STEPS);
        progress.accept("Warming up the gateway: deposits through it, " + WARMUP_CLIENTS + " clients, " + Progress.seconds(warmup));
        ClosedLoopLoad.run("warmup", WARMUP_CLIENTS, Duration.ZERO, warmup, paths.get(1)::deposit);
        // the direct path gets a step of its own too; the first measured round still runs below the later ones (the
        // command side compiles its hot code for minutes), which is why the verdict leaves it out (GatewayComparison)
        Duration directWarmup = options.warmupOfSteps(1);
        progress.accept("Warming up the direct path: deposits to the command side, " + WARMUP_CLIENTS + " clients, "
                + Progress.seconds(directWarmup));
        ClosedLoopLoad.run("warmup", WARMUP_CLIENTS, Duration.ZERO, directWarmup, paths.get(0)::deposit);

        ProjectionsCatchUp catchUp = new ProjectionsCatchUp(direct, new EventStoreSize(
                system.stack().postgresJdbcUrl(COMMAND_DATABASE), system.stack().postgresUser(), system.stack().postgresPassword()),
                progress);
        List<List<StepResult>> byPath = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < options.rounds(); round++) {
            for (int path : Rounds.order(2, round)) {
                String name = path == 0 ? "deposits direct" : "deposits through the gateway";
                // the backlog of the warm-up or of the step before would take its CPU from this one
                catchUp.await(name, CATCH_UP_WAIT);
                CpuWindow window = new CpuWindow(cpu);
                StepResult step = ClosedLoopLoad.run(name, CLIENTS, options.warmup(), options.step(), paths.get(path)::deposit, window)
                        .withCpuSeconds(window.seconds());
                progress.accept(String.format("  round %d, %s, %d clients: %.0f deposits/s, p50 %.1f ms, p99 %.1f ms, %d errors%s",
                        round + 1, name, CLIENTS, step.perSecond(), step.latency().p50Ms(), step.latency().p99Ms(), step.errors(),
                        step.firstError() == null ? "" : " (first: " + step.firstError() + ")"));
                byPath.get(path).add(step);
            }
        }
        GatewayComparison comparison = new GatewayComparison(CLIENTS, byPath.get(0), byPath.get(1));
        progress.accept(String.format("  through the gateway %.0f/s against %.0f/s direct: %.2f over all rounds, %.2f from round %d",
                comparison.gatewayRate(), comparison.directRate(), comparison.ratio(), comparison.settledRatio(),
                comparison.settledFromRound()));
        return comparison;
    }

    /** As ./run-local starts the gateway, in front of this system's one node of each side. */
    private List<String> arguments(int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=" + LocalSystemOptions.LOOPBACK,
                "--spring.profiles.active=local",
                "--ledgerline.security.dev-tokens.key-file=" + system.devTokenKeyFile(),
                instance(LocalSystem.COMMAND_SIDE, system.commandSideUri()),
                instance(LocalSystem.QUERY_SIDE, system.querySideUri()),
                // the services it fronts run without tracing in this part of the run; so does the gateway
                "--management.tracing.enabled=false"));
        arguments.addAll(UNTHROTTLED);
        return arguments;
    }

    private static String instance(String side, URI node) {
        return "--spring.cloud.discovery.client.simple.instances." + side + "[0].uri=" + node;
    }
}
