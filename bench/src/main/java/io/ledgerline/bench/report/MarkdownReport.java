package io.ledgerline.bench.report;

import io.ledgerline.bench.comparison.CustomerViewComparison;
import io.ledgerline.bench.comparison.GatewayComparison;
import io.ledgerline.bench.comparison.Rounds;
import io.ledgerline.bench.comparison.TracingCost;
import io.ledgerline.bench.hotaccounts.HotAccountsResult;
import io.ledgerline.bench.lag.LagResult;
import io.ledgerline.bench.load.PacedLoad;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.HotMethods;
import io.ledgerline.bench.machine.MachineDescription;
import io.ledgerline.bench.machine.ServiceMemory;
import io.ledgerline.bench.peer.PeerAxon;
import io.ledgerline.bench.peer.PeerResult;
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
                    + "machine is shared. The second yardstick is a **plain Axon service** (bench/peer-axon: one Account "
                    + "aggregate, Axon's JPA event store on the same PostgreSQL, no security, Kafka or projections, the command "
                    + "side's JVM options and heap), loaded with the same deposits right after Ledgerline at each step.");
            line();
        }
        targets(report.targets());
        machine(report.machine(), report.settings());
        if (report.ledgerMeasured()) {
            baseline(report.baseline(), report.baselineWithoutSync());
            operations("Deposits (request answered by the command side)", "deposits/s", report.deposits(), report.baseline());
            peer(report);
            operations("Transfers (request to COMPLETED on the query side)", "transfers/s", report.transfers(), report.baseline());
            cpu(report);
            halfMaximum(report);
            lag(report.lag(), report.baseline());
            storeSize(report);
            hotAccounts(report.hotAccounts());
            rebuilds(report.rebuilds(), report.baseline());
        }
        gateway(report.gateway());
        tracing(report.tracing());
        customerViews(report.graphql());
        memory(report.memory());
        profile(report.profile());
    }

    private void targets(List<TargetCheck> targets) {
        line("## Targets");
        line();
        line("MET: the figure is within the target in this run. MISSED: it is not. NOT MEASURED: this run did not "
                + "measure it, for the reason given. The machine is shared: a verdict holds for this run's conditions "
                + "(see the load averages below), and a ratio to a baseline or the peer measured alongside carries over "
                + "better than an absolute figure.");
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
        line(String.format("| steps | %s s measured after %s s warm-up, clients %s |", Format.seconds(settings.stepSeconds()),
                Format.seconds(settings.warmupSeconds()), settings.clients()));
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
                + "durable and only show what the WAL flush per commit costs on this machine." + (baseline.isEmpty() ? ""
                : String.format(" Each step measures %.0f s: raw commits settle within a second.", baseline.get(0).seconds())));
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
            "Elasticsearch", PeerAxon.NAME, "benchmark harness (load generator)", CpuAccounting.OTHER_WORK);

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
        List<StepResult> peerDeposits = report.peer() == null ? List.of() : report.peer().deposits();
        for (List<StepResult> steps : List.of(report.baseline(), report.deposits(), peerDeposits, report.transfers())) {
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

    /** Ledgerline's deposits as ratios to the plain Axon peer's, step by step, and to durable raw commits. */
    private void peer(BenchReport report) {
        line("## Against a plain Axon service (same deposits, same run)");
        line();
        PeerResult peer = report.peer();
        if (peer == null) {
            line("Not measured in this run.");
            line();
            return;
        }
        line("The peer (`bench/peer-axon`) is the service a team would write with Axon's defaults: Spring Boot, one "
                + "`Account` aggregate (deposit: amount positive, account open), Axon's `JpaEventStorageEngine` on the same "
                + "PostgreSQL in a database of its own (Hibernate's schema, no snapshots, no cache), Jackson payloads, "
                + "`POST /accounts/{id}/deposits`, no security, no Kafka, no projections. JVM options: `" + peer.jvmOptions()
                + "`. Each of its steps ran right after Ledgerline's at the same client count, on its own accounts "
                + "(4 per client), with the same warm-up before the first.");
        line();
        line("| clients | Ledgerline deposits/s | plain Axon deposits/s | **Ledgerline / Axon rate** | Ledgerline p99 | plain Axon p99 "
                + "| **Ledgerline / Axon p99** | Ledgerline / durable commits | plain Axon errors |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (StepResult peerStep : peer.deposits()) {
            StepResult ledger = Ratios.atClients(report.deposits(), peerStep.clients()).orElse(null);
            StepResult commits = Ratios.atClients(report.baseline(), peerStep.clients()).orElse(null);
            double ledgerRate = ledger == null ? Double.NaN : ledger.perSecond();
            double ledgerP99 = ledger == null ? Double.NaN : ledger.latency().p99Ms();
            line("| " + peerStep.clients() + " | " + Format.number(ledgerRate) + " | " + Format.number(peerStep.perSecond())
                    + " | **" + Format.ratio(Ratios.of(ledgerRate, peerStep.perSecond())) + "** | " + Format.millis(ledgerP99)
                    + " | " + Format.millis(peerStep.latency().p99Ms()) + " | **"
                    + Format.ratio(Ratios.of(ledgerP99, peerStep.latency().p99Ms())) + "** | "
                    + Format.ratio(Ratios.of(ledgerRate, commits == null ? Double.NaN : commits.perSecond())) + " | "
                    + peerStep.errors() + " |");
        }
        StepResult ledgerPaced = report.depositsAtHalfMaximum();
        StepResult peerPaced = peer.atHalfMaximum();
        if (ledgerPaced != null && peerPaced != null) {
            line();
            line(String.format("Paced at Ledgerline's half-maximum rate, %.0f deposits/s offered to each: Ledgerline p99 %s "
                            + "(%.0f/s achieved), plain Axon p99 %s (%.0f/s achieved, %d errors%s): **Ledgerline / Axon p99 %s**.",
                    report.halfMaximumRate(), Format.millis(ledgerPaced.latency().p99Ms()), ledgerPaced.perSecond(),
                    Format.millis(peerPaced.latency().p99Ms()), peerPaced.perSecond(), peerPaced.errors(),
                    peerPaced.firstError() == null ? "" : ": " + peerPaced.firstError(),
                    Format.ratio(Ratios.of(ledgerPaced.latency().p99Ms(), peerPaced.latency().p99Ms()))));
        }
        firstErrors(peer.deposits());
        line();
    }

    private void hotAccounts(HotAccountsResult hot) {
        line("## Hot accounts: 64 clients on 8 accounts");
        line();
        if (hot == null) {
            line("Not measured in this run.");
            line();
            return;
        }
        line(String.format("%d closed-loop clients on %d accounts of one customer for %.0f s%s, each sending deposits, "
                        + "withdrawals and transfers among the 8 in turn. Every answer counts, refusals too; a transfer counts "
                        + "by the answer to its request (its saga books on the same accounts meanwhile). Latency is of every "
                        + "answer, whatever its status.", hot.clients(), hot.accounts(), hot.seconds(),
                hot.shortened() ? " (shortened by the quick run: the target asks 60 s, `--events 1000000` runs it in full)" : ""));
        line();
        line("| status | answers |");
        line("|---:|---:|");
        hot.answersByStatus().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(answer -> line(String.format("| %d | %,d |", answer.getKey(), answer.getValue())));
        line(String.format("| no answer | %,d |", hot.unanswered()));
        line();
        line(String.format("| answers/s | p50 | p95 | p99 | max | 5xx |%n|---:|---:|---:|---:|---:|---:|%n| %s | %s | %s | %s | %s | %,d |",
                Format.number(hot.answersPerSecond()), Format.millis(hot.latency().p50Ms()), Format.millis(hot.latency().p95Ms()),
                Format.millis(hot.latency().p99Ms()), Format.millis(hot.latency().maxMs()), hot.serverErrors()));
        if (hot.firstFailure() != null) {
            line();
            line("First failure: `" + hot.firstFailure().replace('`', '\'') + "`");
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
                        + "latency counts from when each request was due, so queueing behind a slow request is included. "
                        + "Requests still due %d s after the step's time are not sent and count as errors, with the delay "
                        + "they had reached.",
                report.halfMaximumRate(), report.halfMaximumRate() * 2, step.clients(), PacedLoad.DRAIN.toSeconds()));
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
                + "round so that drift on the machine does not always fall on the same side, and each step starts once the "
                + "projections have caught up with the steps before it. Rates over all rounds are deposits over seconds of "
                + "all rounds together." + (comparison.settledFromRound() > 1 ? " The target is judged on "
                + comparison.settledRounds() + ": the first round ran while the "
                + "system was still compiling its code, and its direct step ran well below the later ones." : ""));
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
        if (comparison.settledFromRound() > 1) {
            line("| " + comparison.settledRounds() + " | | **"
                    + Format.number(comparison.settledDirectRate()) + "** | | | | **" + Format.number(comparison.settledGatewayRate())
                    + "** | | | | **" + Format.ratio(comparison.settledRatio()) + "** |");
        }
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

    private void customerViews(CustomerViewComparison comparison) {
        if (comparison == null) {
            return;
        }
        line("## A customer view: one GraphQL query against the REST calls it replaces");
        line();
        line("A customer with " + comparison.accounts() + " accounts and each account's last " + comparison.linesPerAccount()
                + " statement lines, as a client app shows them, read by the same closed-loop clients in one GraphQL POST and "
                + "through REST: the customer, their accounts, then each account's statement, one call after the other. "
                + "Both answers were checked equal in content (the same accounts, balances and lines) before the measurement. "
                + "A view is the whole read: its latency runs from the first call to the last answer. At each number of "
                + "clients the two ran back to back, the order swapping; CPU is the query side's (and PostgreSQL's, "
                + "whose backends serve it) per view answered. Response bytes are the bodies of one view: GraphQL's "
                + "holds only the fields the query names, REST's every field of each account and line, as a client "
                + "without GraphQL receives them.");
        line();
        line("| per view | HTTP calls | response bytes |");
        line("|---|---:|---:|");
        line("| GraphQL | " + comparison.graphql().httpCalls() + " | " + Format.number(comparison.graphql().responseBytes()) + " |");
        line("| REST | " + comparison.rest().httpCalls() + " | " + Format.number(comparison.rest().responseBytes()) + " |");
        line("| GraphQL / REST | **" + Format.ratio(comparison.callsRatio()) + "** | **" + Format.ratio(comparison.bytesRatio()) + "** |");
        line();
        line("| clients | view | views/s | p50 | p99 | errors | query-side CPU ms per view | PostgreSQL CPU ms per view |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|");
        for (CustomerViewComparison.AtClients at : comparison.steps()) {
            viewRow(at.clients(), "GraphQL", at.graphqlViews(), at.graphqlCpuMillisPerView(CustomerViewComparison.QUERY_SIDE),
                    at.graphqlCpuMillisPerView(CustomerViewComparison.POSTGRESQL));
            viewRow(at.clients(), "REST", at.restViews(), at.restCpuMillisPerView(CustomerViewComparison.QUERY_SIDE),
                    at.restCpuMillisPerView(CustomerViewComparison.POSTGRESQL));
            line("| " + at.clients() + " | **GraphQL / REST** | **" + Format.ratio(at.rateRatio()) + "** | **"
                    + Format.ratio(at.p50Ratio()) + "** | **" + Format.ratio(at.p99Ratio()) + "** | | **"
                    + Format.ratio(at.cpuRatio(CustomerViewComparison.QUERY_SIDE)) + "** | **"
                    + Format.ratio(at.cpuRatio(CustomerViewComparison.POSTGRESQL)) + "** |");
        }
        comparison.steps().forEach(at -> firstErrors(List.of(at.graphqlViews(), at.restViews())));
        line();
    }

    private void viewRow(int clients, String view, StepResult step, double querySideCpu, double postgresCpu) {
        line("| " + clients + " | " + view + " | " + Format.number(step.perSecond()) + " | " + Format.millis(step.latency().p50Ms())
                + " | " + Format.millis(step.latency().p99Ms()) + " | " + step.errors() + " | " + cpuMillis(querySideCpu) + " | "
                + cpuMillis(postgresCpu) + " |");
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
