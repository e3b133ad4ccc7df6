package io.ledgerline.bench;

import io.ledgerline.bench.comparison.CustomerViewComparison;
import io.ledgerline.bench.comparison.Rounds;
import io.ledgerline.bench.ledger.BenchAccounts;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.load.ClosedLoopLoad;
import io.ledgerline.bench.load.Operation;
import io.ledgerline.bench.load.StepResult;
import io.ledgerline.bench.machine.CpuAccounting;
import io.ledgerline.bench.machine.CpuWindow;
import io.ledgerline.bench.views.CustomerViewClient;
import io.ledgerline.localstack.launch.DevTokens;
import io.ledgerline.localstack.launch.LocalSystem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * A customer with their accounts and each account's last 10 statement lines, read by the same clients in one GraphQL
 * POST and through the 1 + 1 + N REST calls it replaces, back to back at each concurrency: what one round trip
 * instead of N + 2 saves a client app, and what it costs the query side. The answers are checked equal first.
 */
final class GraphqlStep {

    static final int ACCOUNTS = 5;
    static final int LINES_PER_ACCOUNT = 10;
    /** The opening deposit and one more, so that each account has more lines than a view reads: a page, not all. */
    private static final int DEPOSITS_PER_ACCOUNT = LINES_PER_ACCOUNT + 1;
    /** An app's user and a small backend: the two ends the issue asks about, not a saturation sweep. */
    static final List<Integer> CLIENTS = List.of(1, 8);
    private static final int WARMUP_CLIENTS = 8;
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Progress progress;
    private final LocalSystem system;
    private final LedgerClient ledger;

    GraphqlStep(BenchOptions options, Progress progress, LocalSystem system, LedgerClient ledger) {
        this.options = options;
        this.progress = progress;
        this.system = system;
        this.ledger = ledger;
    }

    CustomerViewComparison run(String runId) {
        String customerId;
        ExecutorService setup = Executors.newFixedThreadPool(ACCOUNTS);
        try {
            customerId = customerWithStatements(runId, setup);
        } finally {
            setup.shutdownNow();
        }
        String token = DevTokens.request(system.commandSideUri(), "bench-views", List.of("TELLER"), null);
        try (CustomerViewClient views = new CustomerViewClient(system.querySideUri(), token, customerId, ACCOUNTS, LINES_PER_ACCOUNT)) {
            CustomerViewClient.Read graphql = views.graphql(customerId);
            CustomerViewClient.Read rest = views.rest(customerId);
            requireSameContent(graphql, rest);
            progress.accept(String.format("  both views answer the same %d accounts and %d lines: GraphQL %d call, %,d bytes;"
                            + " REST %d calls, %,d bytes", graphql.view().accounts().size(), graphql.view().lineCount(),
                    graphql.httpCalls(), graphql.responseBytes(), rest.httpCalls(), rest.responseBytes()));
            return measure(customerId, views, graphql, rest);
        }
    }

    /** Through the command API, as the bench's other accounts: the lines are the projections' own, not inserted rows. */
    private String customerWithStatements(String runId, ExecutorService setup) {
        progress.accept("GraphQL against REST: a customer with " + ACCOUNTS + " accounts of " + DEPOSITS_PER_ACCOUNT
                + " deposits each");
        String customerId = ledger.registerCustomer("Bench Views " + runId, "bench-views-" + runId + "@example.org");
        // one account per thread: the deposits of an account follow each other, the accounts need not wait for one another
        List<CompletableFuture<Void>> accounts = new ArrayList<>();
        for (int account = 0; account < ACCOUNTS; account++) {
            accounts.add(CompletableFuture.runAsync(() -> openWithStatement(customerId), setup));
        }
        accounts.forEach(CompletableFuture::join);
        return customerId;
    }

    private void openWithStatement(String customerId) {
        String accountId = ledger.openAccount(customerId, BenchAccounts.CURRENCY);
        long version = 0;
        for (int deposit = 1; deposit <= DEPOSITS_PER_ACCOUNT; deposit++) {
            version = ledger.deposit(accountId, new BigDecimal(deposit + ".00"), BenchAccounts.CURRENCY, "deposit " + deposit);
        }
        ledger.awaitAccountVersion(accountId, version, PROJECTED_WITHIN);
    }

    private static void requireSameContent(CustomerViewClient.Read graphql, CustomerViewClient.Read rest) {
        if (!graphql.view().equals(rest.view())) {
            throw new IllegalStateException("GraphQL and REST answer different customer views:\n  GraphQL " + graphql.view()
                    + "\n  REST    " + rest.view());
        }
        if (graphql.view().accounts().size() != ACCOUNTS || graphql.view().lineCount() != ACCOUNTS * LINES_PER_ACCOUNT) {
            throw new IllegalStateException("The customer view is not the one set up (" + ACCOUNTS + " accounts of "
                    + LINES_PER_ACCOUNT + " lines): " + graphql.view());
        }
    }

    private CustomerViewComparison measure(String customerId, CustomerViewClient views, CustomerViewClient.Read graphql,
                                           CustomerViewClient.Read rest) {
        IntFunction<Operation> graphqlView = client -> () -> views.graphql(customerId);
        IntFunction<Operation> restView = client -> () -> views.rest(customerId);
        List<IntFunction<Operation>> byView = List.of(graphqlView, restView);
        CpuAccounting cpu = new CpuAccounting(options.dataDirectory(), Map.of(
                CustomerViewComparison.QUERY_SIDE, ServiceJvm.pid(system.querySidePid()),
                LocalSystem.COMMAND_SIDE, ServiceJvm.pid(system.commandSidePid())));
        // the query side compiles the GraphQL path with the optimizing compiler only after load on it, as the REST path was
        Duration warmupEach = options.warmup();
        progress.accept("Warming up both views, " + WARMUP_CLIENTS + " clients, " + Progress.seconds(warmupEach) + " each");
        byView.forEach(view -> ClosedLoopLoad.run("views-warmup", WARMUP_CLIENTS, Duration.ZERO, warmupEach, view));

        // half a step each keeps the part short (the quick run grows by under half a minute); the ratio of two views
        // measured back to back is what counts, and it settles sooner than either rate
        Duration measured = options.step().dividedBy(2);
        List<CustomerViewComparison.AtClients> steps = new ArrayList<>();
        for (int i = 0; i < CLIENTS.size(); i++) {
            int clients = CLIENTS.get(i);
            StepResult[] results = new StepResult[2];
            for (int view : Rounds.order(2, i)) {
                String name = view == 0 ? "GraphQL views" : "REST views";
                CpuWindow window = new CpuWindow(cpu);
                results[view] = ClosedLoopLoad.run(name, clients, options.warmup(), measured, byView.get(view), window)
                        .withCpuSeconds(window.seconds());
                StepResult step = results[view];
                progress.accept(String.format("  %s, %d clients: %.0f views/s, p50 %.1f ms, p99 %.1f ms, %d errors%s", name, clients,
                        step.perSecond(), step.latency().p50Ms(), step.latency().p99Ms(), step.errors(),
                        step.firstError() == null ? "" : " (first: " + step.firstError() + ")"));
            }
            CustomerViewComparison.AtClients at = new CustomerViewComparison.AtClients(clients, results[0], results[1]);
            progress.accept(String.format("  GraphQL / REST at %d clients: rate x%.2f, p50 x%.2f, p99 x%.2f, query-side CPU per view x%.2f",
                    clients, at.rateRatio(), at.p50Ratio(), at.p99Ratio(), at.querySideCpuRatio()));
            steps.add(at);
        }
        return new CustomerViewComparison(ACCOUNTS, LINES_PER_ACCOUNT,
                new CustomerViewComparison.ViewShape(graphql.httpCalls(), graphql.responseBytes()),
                new CustomerViewComparison.ViewShape(rest.httpCalls(), rest.responseBytes()), steps);
    }
}
