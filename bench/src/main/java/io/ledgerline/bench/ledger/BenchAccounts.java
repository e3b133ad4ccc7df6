package io.ledgerline.bench.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The accounts the load runs on. Every client slot owns a few accounts of its own customer, so
 * concurrent clients never queue for the same aggregate and the figures show the system's
 * throughput rather than lock waits on one account. Probe accounts are kept apart, so that the lag
 * measured on them is not mixed up with the load's own writes.
 */
public final class BenchAccounts {

    public static final String CURRENCY = "EUR";
    /** Enough for every transfer of a run (they move 0.01 each) without ever touching the overdraft. */
    private static final BigDecimal OPENING_DEPOSIT = new BigDecimal("100000.00");
    private static final int OPENING_THREADS = 16;

    private final List<List<String>> bySlot;
    private final List<String> probes;

    private BenchAccounts(List<List<String>> bySlot, List<String> probes) {
        this.bySlot = bySlot;
        this.probes = probes;
    }

    public static BenchAccounts open(LedgerClient ledger, String runId, int slots, int accountsPerSlot, int probeAccounts,
                                     Consumer<String> progress) {
        progress.accept("Opening " + slots * accountsPerSlot + " load accounts (" + slots + " customers) and "
                + probeAccounts + " probe accounts, each funded with " + OPENING_DEPOSIT + " " + CURRENCY);
        ExecutorService pool = Executors.newFixedThreadPool(OPENING_THREADS);
        try {
            List<Future<List<String>>> slotAccounts = new ArrayList<>();
            for (int slot = 0; slot < slots; slot++) {
                String owner = runId + "-" + slot;
                slotAccounts.add(pool.submit(() -> openFunded(ledger, owner, accountsPerSlot)));
            }
            Future<List<String>> probeFuture = pool.submit(() -> openFunded(ledger, runId + "-probe", probeAccounts));
            List<List<String>> bySlot = new ArrayList<>();
            for (Future<List<String>> future : slotAccounts) {
                bySlot.add(future.get());
            }
            return new BenchAccounts(Collections.unmodifiableList(bySlot), probeFuture.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not open the benchmark's accounts", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening accounts", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> openFunded(LedgerClient ledger, String owner, int count) {
        String customerId = ledger.registerCustomer("Bench Customer " + owner, "bench-" + owner + "@example.org");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String accountId = ledger.openAccount(customerId, CURRENCY);
            ledger.deposit(accountId, OPENING_DEPOSIT, CURRENCY, "opening deposit");
            accounts.add(accountId);
        }
        return List.copyOf(accounts);
    }

    /** The accounts of client {@code client}; clients beyond the slots share slots round-robin. */
    public List<String> ofClient(int client) {
        return bySlot.get(client % bySlot.size());
    }

    public List<String> probes() {
        return probes;
    }

    public int count() {
        return bySlot.stream().mapToInt(List::size).sum() + probes.size();
    }
}
