package io.ledgerline.bench;

import io.ledgerline.bench.comparison.Rounds;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.ledger.BenchAccounts;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.ledger.LedgerOperations;
import io.ledgerline.bench.load.ClosedLoopLoad;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.CpuWindow;
import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.localstack.launch.ServiceProcess;
import io.ledgerline.localstack.process.Ports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deposits on three more command-side nodes of the running system, started alike but for their trace sampling
 * probability (0, 10%, 100%) and all reporting to local-stack's Zipkin server, measured in rotating rounds.
 * <p>
 * Running side by side, the three see the same machine, store and store size in every round; one node restarted
 * per probability would see the store grow and the machine drift between them. They take requests only: the
 * first node keeps the tracking processors' claims, so publication to Kafka (untraced there) is not in the figures.
 */
final class TracingStep {

    static final List<Double> SAMPLING_PROBABILITIES = List.of(0.0, 0.1, 1.0);
    static final int CLIENTS = GatewayStep.CLIENTS;
    private static final int ACCOUNTS_PER_CLIENT = 4;
    private static final int WARMUP_CLIENTS = 8;
    private static final int WARMUP_STEPS = 2;
    /** Three command-side nodes booting at once on a busy two-core machine took minutes each. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final BenchOptions options;
    private final Progress progress;
    private final LocalSystem system;
    private final List<String> jvmOptions;

    /** @param jvmOptions the JVM options the first command-side node runs with */
    TracingStep(BenchOptions options, Progress progress, LocalSystem system, List<String> jvmOptions) {
        this.options = options;
        this.progress = progress;
        this.system = system;
        this.jvmOptions = jvmOptions;
    }

    TracingCost run(String runId) {
        LocalStack stack = system.stack();
        stack.startZipkin();
        List<ServiceProcess> nodes = new ArrayList<>();
        try {
            for (double probability : SAMPLING_PROBABILITIES) {
                int port = Ports.freePort();
                String name = "command-side-sampling-" + percent(probability);
                progress.accept("Starting " + name + " on port " + port + ", spans to " + stack.zipkinSpansEndpoint());
                nodes.add(ServiceProcess.start(name, options.projectDirectory().resolve(LocalSystemOptions.COMMAND_SIDE_JAR),
                        port, jvmOptions, arguments(port, probability), system.logDirectory().resolve(name + ".log"),
                        stack.workDirectory().serverDirectory("services").resolve(name + "-tmp"), stack.pidFiles()));
            }
            // they boot in parallel; waiting for one after the other costs nothing extra
            nodes.forEach(node -> node.awaitReady(START_TIMEOUT, progress));
            return measure(runId, nodes);
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }

    private TracingCost measure(String runId, List<ServiceProcess> nodes) {
        List<LedgerClient> clients = new ArrayList<>();
        try {
            List<LedgerOperations> operations = new ArrayList<>();
            List<CpuAccounting> cpu = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                ServiceProcess node = nodes.get(i);
                LedgerClient client = new LedgerClient(node.baseUri(), system.querySideUri());
                clients.add(client);
                // accounts of its own: a node caches the aggregates it loaded, and another node's writes would make
                // its copies stale (a conflict and a retry on every deposit)
                BenchAccounts accounts = BenchAccounts.open(client, runId + "-" + i, CLIENTS, ACCOUNTS_PER_CLIENT, 0, progress);
                operations.add(new LedgerOperations(client, accounts));
                cpu.add(new CpuAccounting(options.dataDirectory(), Map.of(TracingCost.NODE, ServiceJvm.pid(node.pid()))));
            }
            Duration warmup = options.warmupOfSteps(WARMUP_STEPS);
            for (int i = 0; i < nodes.size(); i++) {
                progress.accept("Warming up " + nodes.get(i).name() + ": deposits, " + WARMUP_CLIENTS + " clients, "
                        + Progress.seconds(warmup));
                ClosedLoopLoad.run("warmup", WARMUP_CLIENTS, Duration.ZERO, warmup, operations.get(i)::deposit);
            }
            List<List<StepResult>> byNode = new ArrayList<>();
            nodes.forEach(node -> byNode.add(new ArrayList<>()));
            for (int round = 0; round < options.rounds(); round++) {
                for (int i : Rounds.order(nodes.size(), round)) {
                    String name = "deposits at sampling " + percent(SAMPLING_PROBABILITIES.get(i)) + "%";
                    CpuWindow window = new CpuWindow(cpu.get(i));
                    StepResult step = ClosedLoopLoad.run(name, CLIENTS, options.warmup(), options.step(), operations.get(i)::deposit,
                            window).withCpuSeconds(window.seconds());
                    progress.accept(String.format("  round %d, %s, %d clients: %.0f deposits/s, node CPU %.2f ms per deposit,"
                                    + " p50 %.1f ms, p99 %.1f ms, %d errors%s", round + 1, name, CLIENTS, step.perSecond(),
                            step.operations() == 0 ? Double.NaN
                                    : step.cpuSeconds().getOrDefault(TracingCost.NODE, 0.0) * 1000 / step.operations(),
                            step.latency().p50Ms(), step.latency().p99Ms(), step.errors(),
                            step.firstError() == null ? "" : " (first: " + step.firstError() + ")"));
                    byNode.get(i).add(step);
                }
            }
            List<TracingCost.Sampling> samplings = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                samplings.add(new TracingCost.Sampling(SAMPLING_PROBABILITIES.get(i), byNode.get(i)));
            }
            TracingCost cost = new TracingCost(CLIENTS, samplings);
            for (TracingCost.Sampling sampling : cost.samplings()) {
                progress.accept(String.format("  sampling %s%%: %.0f deposits/s (x%.2f), node CPU %.2f ms per deposit (x%.2f),"
                                + " Zipkin %.2f ms per deposit", percent(sampling.probability()), sampling.depositsPerSecond(),
                        cost.rateRatio(sampling), sampling.nodeCpuMillisPerDeposit(), cost.cpuRatio(sampling),
                        sampling.zipkinCpuMillisPerDeposit()));
            }
            return cost;
        } finally {
            clients.forEach(LedgerClient::close);
        }
    }

    /** As the system starts its command side, plus where spans go and how many of them. */
    private List<String> arguments(int port, double probability) {
        LocalStack stack = system.stack();
        return List.of(
                "--server.port=" + port,
                "--server.address=" + LocalSystemOptions.LOOPBACK,
                "--spring.profiles.active=local",
                "--ledgerline.security.dev-tokens.key-file=" + system.devTokenKeyFile(),
                "--ledgerline.personal-data.kek.file=" + system.keyEncryptionKeyFile(),
                "--spring.datasource.url=" + stack.postgresJdbcUrl("ledgerline_command"),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--ledgerline.links.query-base-url=" + system.querySideUri(),
                "--ledgerline.integrity.checkpoint.key-file=" + system.checkpointKeyFile(),
                "--management.zipkin.tracing.endpoint=" + stack.zipkinSpansEndpoint(),
                "--management.tracing.sampling.probability=" + probability);
    }

    private static String percent(double probability) {
        return String.format("%.0f", probability * 100);
    }
}
