package io.ledgerline.systemtests.load;

import io.ledgerline.localstack.launch.DevTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Client threads that issue random deposits, withdrawals and transfers (opposite ones between the
 * same two accounts included) over a few hot accounts, spread over the given command-side nodes,
 * and record every answer in a {@link Journal}. Runs until {@link #stop()}.
 *
 * <p>Unpaced, the clients send as fast as they are answered, which is what contention needs. Paced,
 * they share an overall rate, so that a minute-long restart under load does not pile up more
 * events than the read models can catch up with in a bounded test.
 */
public final class LoadDriver implements AutoCloseable {

    /** A failing node is not hammered in a tight loop; the pause only paces, it synchronizes nothing. */
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 200;

    private final String scenario;
    private final List<URI> commandSides;
    private final List<String> accounts;
    private final Journal journal;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService clients;
    private final long seed;
    private final long intervalNanos;
    private final AtomicLong nextSlotNanos = new AtomicLong(System.nanoTime());

    private LoadDriver(String scenario, List<URI> commandSides, List<String> accounts, int clientCount,
            double operationsPerSecond, Journal journal, long seed) {
        this.scenario = scenario;
        this.intervalNanos = operationsPerSecond <= 0 ? 0 : (long) (1e9 / operationsPerSecond);
        this.commandSides = List.copyOf(commandSides);
        this.accounts = List.copyOf(accounts);
        this.journal = journal;
        this.seed = seed;
        this.clients = Executors.newFixedThreadPool(clientCount, runnable -> {
            Thread thread = new Thread(runnable, scenario + "-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Pays {@code seedAmount} into every account (recorded like any other deposit), then starts
     * {@code clientCount} clients.
     *
     * @param operationsPerSecond the clients' overall rate, or 0 for as fast as they are answered
     */
    public static LoadDriver start(String scenario, List<URI> commandSides, List<String> accounts, int clientCount,
            double operationsPerSecond, BigDecimal seedAmount, Journal journal) {
        long seed = System.nanoTime();
        LoadDriver driver = new LoadDriver(scenario, commandSides, accounts, clientCount, operationsPerSecond, journal, seed);
        CommandClient funding = new CommandClient(token(commandSides, scenario + "-funding"));
        for (String account : accounts) {
            Operation funded = driver.execute(funding, new Request(driver.nextId(), OperationKind.DEPOSIT, account, null,
                    seedAmount, commandSides.get(0)));
            journal.record(funded);
            if (funded.outcome() != Outcome.ACCEPTED) {
                throw new IllegalStateException("Could not fund " + account + ": " + funded);
            }
        }
        for (int i = 0; i < clientCount; i++) {
            Random random = new Random(seed + i);
            // each simulated client is a subject of its own, as each would be a teller of its own
            CommandClient client = new CommandClient(token(commandSides, scenario + "-client-" + i));
            driver.clients.execute(() -> driver.runClient(client, random));
        }
        return driver;
    }

    private static String token(List<URI> commandSides, String subject) {
        return DevTokens.request(commandSides.get(0), subject, List.of("TELLER"), null);
    }

    private record Request(String id, OperationKind kind, String account, String counterparty, BigDecimal amount, URI target) {
    }

    private void runClient(CommandClient client, Random random) {
        while (running.get()) {
            awaitSlot();
            Operation operation = execute(client, nextRequest(random));
            journal.record(operation);
            if (operation.outcome() == Outcome.NO_ANSWER || operation.outcome() == Outcome.UNAVAILABLE) {
                pause();
            }
        }
    }

    private Request nextRequest(Random random) {
        String account = accounts.get(random.nextInt(accounts.size()));
        URI target = commandSides.get(random.nextInt(commandSides.size()));
        int dice = random.nextInt(100);
        if (dice < 35) {
            return new Request(nextId(), OperationKind.DEPOSIT, account, null, cents(random, 100, 5_000), target);
        }
        if (dice < 60) {
            return new Request(nextId(), OperationKind.WITHDRAWAL, account, null, cents(random, 100, 8_000), target);
        }
        if (dice < 95) {
            String other = accounts.get(random.nextInt(accounts.size()));
            while (other.equals(account)) {
                other = accounts.get(random.nextInt(accounts.size()));
            }
            return new Request(nextId(), OperationKind.TRANSFER, account, other, cents(random, 100, 6_000), target);
        }
        return new Request(nextId(), OperationKind.INVALID_DEPOSIT, account, null,
                new BigDecimal("1.005"), target);
    }

    private static BigDecimal cents(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1), 2);
    }

    private String nextId() {
        return scenario + "-" + seed % 100_000 + "-" + sequence.incrementAndGet();
    }

    private Operation execute(CommandClient client, Request request) {
        long started = System.nanoTime();
        try {
            CommandClient.Answer answer = switch (request.kind()) {
                case DEPOSIT, INVALID_DEPOSIT -> client.deposit(request.target(), request.account(),
                        request.amount().toPlainString(), Operation.DESCRIPTION_PREFIX + request.id());
                case WITHDRAWAL -> client.withdraw(request.target(), request.account(), request.amount(),
                        Operation.DESCRIPTION_PREFIX + request.id());
                case TRANSFER -> client.transfer(request.target(), request.id(), request.account(),
                        request.counterparty(), request.amount());
            };
            return operation(request, Outcome.ofStatus(answer.status()), answer.status(), answer.code(), started);
        } catch (IOException e) {
            return operation(request, Outcome.NO_ANSWER, 0, e.toString(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return operation(request, Outcome.NO_ANSWER, 0, "interrupted", started);
        }
    }

    private Operation operation(Request request, Outcome outcome, int status, String detail, long started) {
        return new Operation(request.id(), scenario, request.kind(), request.account(), request.counterparty(),
                request.amount(), request.target(), outcome, status, detail, started, System.nanoTime());
    }

    /** Takes the next free slot of the overall rate and parks until it has come. */
    private void awaitSlot() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlotNanos.getAndUpdate(next -> Math.max(next, now) + intervalNanos));
        while (running.get() && System.nanoTime() < slot) {
            LockSupport.parkNanos(slot - System.nanoTime());
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets every client finish its request in flight, then returns. */
    public void stop() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clients.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
