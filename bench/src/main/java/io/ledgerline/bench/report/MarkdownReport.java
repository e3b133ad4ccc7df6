package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.Rounds;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.HotMethods;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.rebuild.RebuildResult;
import io.ledgerline.bench.store.FillResult;

import java.util.List;

/** Renders a run as Markdown: targets first, then every figure with its ratio to the baseline. */
public final class MarkdownReport {

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    public static String render(BenchReport report) {
        MarkdownReport markdown = new MarkdownReport();
        markdown.write(report);
        return markdown.out.toString();
    }

    private void write(BenchReport report) {
        line("# Ledgerline benchmark: " + report.name());
        line();
        line("Run started " + report.startedAt() + ", took " + Math.round(report.runSeconds()) + " s. Command: `"
                + report.command() + "`.");
        line();
        if (report.ledgerMeasured()) {
            line("Every Ledgerline figure is shown next to a **baseline** measured in the same run on the same PostgreSQL "
                    + "server: the raw commit rate of one event-sized row (1 KB) per transaction, by as many JDBC clients. "
                    + "The ratios carry over between machines and runs better than the absolute numbers, because the "
                    + "machine is shared.");
            line();
        }
        targets(report.targets());
        machine(report.machine(), report.settings());
        if (report.ledgerMeasured()) {
            baseline(report.baseline(), report.baselineWithoutSync());
            operations("Deposits (request answered by the command side)", "deposits/s", report.deposits(), report.baseline());
            operations("Transfers (request to COMPLETED on the query side)", "transfers/s", report.transfers(), report.baseline());
            cpu(report);
            halfMaximum(report);
            lag(report.lag(), report.baseline());
            storeSize(report);
            rebuilds(report.rebuilds(), report.baseline());
        }
        gateway(report.gateway());
        tracing(report.tracing());
        memory(report.memory());
        profile(report.profile());
    }

    private void targets(List<TargetCheck> targets) {
        line("## Targets");
        line();
        line("| target | measured | verdict |");
        line("|---|---|---|");
        for (TargetCheck check : targets) {
            line("| " + check.target() + " | " + check.measured() + " | **" + check.verdict().name().replace('_', ' ') + "** |");
        }
        line();
    }

    private void machine(MachineDescription machine, BenchReport.RunSettings settings) {
        line("## Machine and settings");
        line();
        line("| | |");
        line("|---|---|");
        line("| processors | " + machine.processors() + " (" + machine.cpuModel() + ") |");
        line(String.format("| memory | %.1f GiB |", machine.memoryBytes() / (1024.0 * 1024 * 1024)));
        line("| operating system | " + machine.os() + " |");
        line("| Java | " + machine.javaVersion() + " (" + machine.javaVm() + ") |");
        line("| PostgreSQL | " + machine.postgresVersion() + " (fsync " + machine.postgresFsync()
                + ", synchronous_commit " + machine.postgresSynchronousCommit() + ") |");
        line("| Kafka | " + machine.kafkaVersion() + " (KRaft, one node) |");
        line("| Elasticsearch | " + machine.elasticsearchVersion() + " (one node) |");
        line("| load average (1/5/15 min) | at start " + machine.loadAverageAtStart() + ", at end " + machine.loadAverageAtEnd() + " |");
        line("| service JVMs | " + settings.serviceJvmOptions() + " |");
        line(String.format("| steps | %.0f s measured after %.0f s warm-up, clients %s |", settings.stepSeconds(),
                settings.warmupSeconds(), settings.clients()));
        line("| parts of the benchmark | " + String.join(", ", settings.steps()) + " (" + settings.rounds()
                + " rounds of each comparison) |");
        line(String.format("| stored events for rebuilds | %,d |", settings.events()));
        line("| command side profiled with JFR | " + (settings.profiled() ? "yes" : "no") + " |");
        line();
        line("Everything (PostgreSQL, Kafka, Elasticsearch, both services and the load generator) runs on this one "
                + "machine, and other work may run next to it: the load averages above show how busy it was.");
        line();
    }

    private void baseline(List<StepResult> baseline, List<StepResult> withoutSync) {
        line("## Baseline: raw PostgreSQL commits (one 1 KB row per transaction)");
        line();
        line("Durable as the services run (synchronous_commit=on): every ratio in this report is to these. Next to them "
                + "the same commits with synchronous_commit=off in their sessions, measured right after: they are not "
                + "durable and only show what the WAL flush per commit costs on this machine.");
        line();
        line("| clients | commits/s | p50 | p95 | p99 | errors | synchronous_commit=off: commits/s | x durable rate | p50 | p99 | errors |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (StepResult step : baseline) {
            StepResult off = Ratios.atClients(withoutSync, step.clients()).orElse(null);
            String offColumns = off == null ? "n/a | n/a | n/a | n/a | n/a"
                    : Format.number(off.perSecond()) + " | " + Format.ratio(Ratios.of(off.perSecond(), step.perSecond()))
                    + " | " + Format.millis(off.latency().p50Ms()) + " | " + Format.millis(off.latency().p99Ms())
                    + " | " + off.errors();
            line("| " + step.clients() + " | " + Format.number(step.perSecond()) + " | " + Format.millis(step.latency().p50Ms())
                    + " | " + Format.millis(step.latency().p95Ms()) + " | " + Format.millis(step.latency().p99Ms())
                    + " | " + step.errors() + " | " + offColumns + " |");
        }
        line();
    }

    private void operations(String title, String unit, List<StepResult> steps, List<StepResult> baseline) {
        line("## " + title);
        line();
        line("| clients | " + unit + " | x baseline rate | p50 | p95 | p99 | p50 x baseline p50 | errors |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (StepResult step : steps) {
            StepResult base = Ratios.atClients(baseline, step.clients()).orElse(null);
            double rateRatio = base == null ? Double.NaN : Ratios.of(step.perSecond(), base.perSecond());
            double latencyRatio = base == null ? Double.NaN : Ratios.of(step.latency().p50Ms(), base.latency().p50Ms());
            line("| " + step.clients() + " | " + Format.number(step.perSecond()) + " | " + Format.ratio(rateRatio)
                    + " | " + Format.millis(step.latency().p50Ms()) + " | " + Format.millis(step.latency().p95Ms())
                    + " | " + Format.millis(step.latency().p99Ms()) + " | " + Format.ratio(latencyRatio) + " | "
                    + step.errors() + " |");
        }
        firstErrors(steps);
        line();
    }

    private void firstErrors(List<StepResult> steps) {
        for (StepResult step : steps) {
            if (step.firstError() != null) {
                line();
                line("First error at " + step.clients() + " clients: `" + step.firstError().replace('`', '\'') + "`");
            }
        }
    }

    private static final List<String> CPU_PARTS = List.of("command-side", "query-side", "PostgreSQL", "Kafka",
            "Elasticsearch", "benchmark harness (load generator)", CpuAccounting.OTHER_WORK);

    /** CPU milliseconds per operation by part: what each request costs the machine, and who else used it. */
    private void cpu(BenchReport report) {
        line("## Where the CPU went (CPU ms per operation in the measured window)");
        line();
        line("Two cores give 2,000 CPU ms per second. \"Other work\" is CPU the machine spent on processes outside "
                + "this run, per operation of the step: the noise these figures were measured in.");
        line();
        StringBuilder header = new StringBuilder("| step | clients | ops/s |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (String part : CPU_PARTS) {
            header.append(' ').append(part).append(" |");
            rule.append("---:|");
        }
        line(header.append(" machine busy |").toString());
        line(rule.append("---:|").toString());
        for (List<StepResult> steps : List.of(report.baseline(), report.deposits(), report.transfers())) {
            for (StepResult step : steps) {
                if (step.cpuSeconds().isEmpty() || step.operations() == 0) {
                    continue;
                }
                StringBuilder row = new StringBuilder("| " + step.name() + " | " + step.clients() + " | "
                        + Format.number(step.perSecond()) + " |");
                double total = 0;
                for (String part : CPU_PARTS) {
                    double seconds = step.cpuSeconds().getOrDefault(part, 0.0);
                    total += seconds;
                    row.append(String.format(" %.2f |", seconds * 1000 / step.operations()));
                }
                double busy = total / (step.seconds() * report.machine().processors());
                line(row.append(' ').append(Format.percent(busy)).append(" |").toString());
            }
        }
        line();
    }

    private void halfMaximum(BenchReport report) {
        StepResult step = report.depositsAtHalfMaximum();
        line("## Deposits at half the maximum throughput");
        line();
        if (step == null) {
            line("Not measured.");
            line();
            return;
        }
        line(String.format("Paced at %.0f deposits/s (half of the highest closed-loop rate, %.0f/s) by %d workers; "
                        + "latency counts from when each request was due, so queueing behind a slow request is included.",
                report.halfMaximumRate(), report.halfMaximumRate() * 2, step.clients()));
        line();
        line("| achieved/s | p50 | p95 | p99 | max | errors |");
        line("|---:|---:|---:|---:|---:|---:|");
        line("| " + Format.number(step.perSecond()) + " | " + Format.millis(step.latency().p50Ms()) + " | "
                + Format.millis(step.latency().p95Ms()) + " | " + Format.millis(step.latency().p99Ms()) + " | "
                + Format.millis(step.latency().maxMs()) + " | " + step.errors() + " |");
        line();
    }

    private void lag(LagResult lag, List<StepResult> baseline) {
        line("## End-to-end lag (deposit answered -> visible), measured during the half-maximum step");
        line();
        double commitP50 = baseline.isEmpty() ? Double.NaN : baseline.get(0).latency().p50Ms();
        line("| read model | samples | p50 | p99 | max | p50 x baseline single-client commit p50 |");
        line("|---|---:|---:|---:|---:|---:|");
        line("| SQL (read-your-writes wait on `minVersion`) | " + lag.toSql().count() + " | " + Format.millis(lag.toSql().p50Ms())
                + " | " + Format.millis(lag.toSql().p99Ms()) + " | " + Format.millis(lag.toSql().maxMs()) + " | "
                + Format.ratio(Ratios.of(lag.toSql().p50Ms(), commitP50)) + " |");
        line("| Elasticsearch (transaction search, polled every 50 ms) | " + lag.toSearch().count() + " | "
                + Format.millis(lag.toSearch().p50Ms()) + " | " + Format.millis(lag.toSearch().p99Ms()) + " | "
                + Format.millis(lag.toSearch().maxMs()) + " | " + Format.ratio(Ratios.of(lag.toSearch().p50Ms(), commitP50)) + " |");
        if (lag.failures() > 0) {
            line();
            line(lag.failures() + " probes failed; first: `" + lag.firstError() + "`");
        }
        line();
    }

    private void storeSize(BenchReport report) {
        line("## Deposit latency as the event store grows");
        line();
        line("| stored events | clients | deposits/s | p50 | p95 | p99 |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (BenchReport.StoreSizeProbe probe : report.storeSizeProbe()) {
            StepResult step = probe.deposits();
            line(String.format("| %,d | %d | %s | %s | %s | %s |", probe.storedEvents(), step.clients(),
                    Format.number(step.perSecond()), Format.millis(step.latency().p50Ms()),
                    Format.millis(step.latency().p95Ms()), Format.millis(step.latency().p99Ms())));
        }
        if (report.fill() != null && report.fill().eventsAfter() > report.fill().eventsBefore()) {
            line();
            FillResult fill = report.fill();
            line(String.format("The store was filled from %,d to %,d events in %.0f s (%,.0f events/s): %,d through the command API "
                            + "(deposits, 64 clients, %d failed requests)%s.", fill.eventsBefore(), fill.eventsAfter(), fill.seconds(),
                    fill.eventsPerSecond(), fill.throughTheApi(), fill.failedRequests(),
                    fill.appendedDirectly() == 0 ? "" : String.format(", %,d appended straight to the event store as copies of "
                            + "each account's latest deposit, then published and projected like any other", fill.appendedDirectly())));
        }
        line();
    }

    private void rebuilds(List<RebuildResult> rebuilds, List<StepResult> baseline) {
        line("## Read-model rebuilds");
        line();
        double peakCommits = Ratios.highestRate(baseline);
        line("| projection | state | events | seconds | events/s | x baseline peak commits/s | peak reported events/s | note |");
        line("|---|---|---:|---:|---:|---:|---:|---|");
        for (RebuildResult rebuild : rebuilds) {
            line(String.format("| %s | %s | %,d | %s | %s | %s | %s | %s |", rebuild.projection(), rebuild.state(),
                    rebuild.eventsTotal(), Double.isNaN(rebuild.seconds()) ? "n/a" : String.format("%.1f", rebuild.seconds()),
                    Format.number(rebuild.eventsPerSecond()), Format.ratio(Ratios.of(rebuild.eventsPerSecond(), peakCommits)),
                    Format.number(rebuild.peakReportedEventsPerSecond()), rebuild.note() == null ? "" : rebuild.note()));
        }
        line();
    }

    private void gateway(GatewayComparison comparison) {
        if (comparison == null) {
            return;
        }
        line("## Deposits through the gateway against direct calls");
        line();
        line("The same closed-loop deposits by " + comparison.clients() + " clients, once sent straight to the command side and "
                + "once through a gateway in front of that same node, back to back in each round; the order swaps every "
                + "round so that drift on the machine does not always fall on the same side. Rates over all rounds are "
                + "deposits over seconds of all rounds together.");
        line();
        line("| round | first | direct deposits/s | p50 | p99 | errors | through the gateway deposits/s | p50 | p99 | errors | gateway / direct |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Double> ratios = comparison.roundRatios();
        for (int round = 0; round < ratios.size(); round++) {
            StepResult direct = comparison.direct().get(round);
            StepResult gateway = comparison.throughGateway().get(round);
            line("| " + (round + 1) + " | " + (Rounds.order(2, round).get(0) == 0 ? "direct" : "gateway") + " | "
                    + Format.number(direct.perSecond()) + " | " + Format.millis(direct.latency().p50Ms()) + " | "
                    + Format.millis(direct.latency().p99Ms()) + " | " + direct.errors() + " | " + Format.number(gateway.perSecond())
                    + " | " + Format.millis(gateway.latency().p50Ms()) + " | " + Format.millis(gateway.latency().p99Ms()) + " | "
                    + gateway.errors() + " | " + Format.ratio(ratios.get(round)) + " |");
        }
        line("| all | | **" + Format.number(comparison.directRate()) + "** | | | | **" + Format.number(comparison.gatewayRate())
                + "** | | | | **" + Format.ratio(comparison.ratio()) + "** |");
        line();
        line("| CPU ms per deposit | command-side | gateway |");
        line("|---|---:|---:|");
        line("| direct | " + cpuMillis(comparison.cpuMillisPerDeposit(comparison.direct(), GatewayComparison.COMMAND_SIDE))
                + " | " + cpuMillis(comparison.cpuMillisPerDeposit(comparison.direct(), GatewayComparison.GATEWAY)) + " |");
        line("| through the gateway | "
                + cpuMillis(comparison.cpuMillisPerDeposit(comparison.throughGateway(), GatewayComparison.COMMAND_SIDE)) + " | "
                + cpuMillis(comparison.cpuMillisPerDeposit(comparison.throughGateway(), GatewayComparison.GATEWAY)) + " |");
        firstErrors(comparison.direct());
        firstErrors(comparison.throughGateway());
        line();
    }

    private void tracing(TracingCost cost) {
        if (cost == null) {
            return;
        }
        line("## Cost of tracing");
        line();
        line("Closed-loop deposits by " + cost.clients() + " clients on command-side nodes that differ only in "
                + "`management.tracing.sampling.probability`, each reporting its spans to the same Zipkin server; the "
                + "nodes take turns in rotating order in each round. Rates and CPU are over all rounds together; CPU is the "
                + "node's own (and Zipkin's apart), per deposit answered.");
        line();
        line("| sampling | deposits/s | x sampling 0 | node CPU ms per deposit | x sampling 0 | Zipkin CPU ms per deposit |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (TracingCost.Sampling sampling : cost.samplings()) {
            line("| " + Format.percent(sampling.probability()) + " | " + Format.number(sampling.depositsPerSecond()) + " | "
                    + Format.ratio(cost.rateRatio(sampling)) + " | " + cpuMillis(sampling.nodeCpuMillisPerDeposit()) + " | "
                    + Format.ratio(cost.cpuRatio(sampling)) + " | " + cpuMillis(sampling.zipkinCpuMillisPerDeposit()) + " |");
        }
        line();
        line("| round | sampling | deposits/s | p50 | p99 | errors |");
        line("|---:|---:|---:|---:|---:|---:|");
        int rounds = cost.samplings().stream().mapToInt(sampling -> sampling.steps().size()).min().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (int index : Rounds.order(cost.samplings().size(), round)) {
                TracingCost.Sampling sampling = cost.samplings().get(index);
                StepResult step = sampling.steps().get(round);
                line("| " + (round + 1) + " | " + Format.percent(sampling.probability()) + " | " + Format.number(step.perSecond())
                        + " | " + Format.millis(step.latency().p50Ms()) + " | " + Format.millis(step.latency().p99Ms()) + " | "
                        + step.errors() + " |");
            }
        }
        cost.samplings().forEach(sampling -> firstErrors(sampling.steps()));
        line();
    }

    private static String cpuMillis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format("%.2f", millis);
    }

    private void memory(List<ServiceMemory> memory) {
        line("## Memory (resident set of the service JVMs)");
        line();
        line("| service | peak RSS | RSS at the end |");
        line("|---|---:|---:|");
        for (ServiceMemory service : memory) {
            line(String.format("| %s | %.0f MB | %.0f MB |", service.service(), service.peakRssMegabytes(),
                    service.finalRssBytes() / (1024.0 * 1024.0)));
        }
        line();
    }

    private void profile(HotMethods.Profile profile) {
        line("## Command-side profile (JFR execution samples)");
        line();
        if (profile == null) {
            line("Not profiled in this run (`--profile` records one).");
            line();
            return;
        }
        line(profile.samples() + " samples from `" + profile.recording() + "`, over the whole run.");
        line();
        shares("By thread (what the command side spent its CPU on)", profile.threads());
        shares("Hottest methods (self time)", profile.methods());
        shares("By library (self time)", profile.libraries());
        shares("By the innermost Ledgerline class on the stack", profile.ledgerlineFrames());
    }

    private void shares(String title, List<HotMethods.Share> shares) {
        line("| " + title + " | samples | share |");
        line("|---|---:|---:|");
        for (HotMethods.Share share : shares) {
            line(String.format("| `%s` | %d | %.1f%% |", share.name(), share.samples(), share.percent()));
        }
        line();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
