package io.ledgerline.bench.report;

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
        line("Every Ledgerline figure is shown next to a **baseline** measured in the same run on the same PostgreSQL "
                + "server: the raw commit rate of one event-sized row (1 KB) per transaction, by as many JDBC clients. "
                + "The ratios carry over between machines and runs better than the absolute numbers, because the "
                + "machine is shared.");
        line();
        targets(report.targets());
        machine(report.machine(), report.settings());
        baseline(report.baseline(), report.baselineWithoutSync());
        operations("Deposits (request answered by the command side)", "deposits/s", report.deposits(), report.baseline());
        operations("Transfers (request to COMPLETED on the query side)", "transfers/s", report.transfers(), report.baseline());
        cpu(report);
        halfMaximum(report);
        lag(report.lag(), report.baseline());
        storeSize(report);
        rebuilds(report.rebuilds(), report.baseline());
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
