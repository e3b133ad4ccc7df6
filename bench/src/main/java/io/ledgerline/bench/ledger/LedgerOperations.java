package io.ledgerline.bench.ledger;

import io.ledgerline.bench.load.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The operations a load step repeats, each client on its own accounts. */
public final class LedgerOperations {

    private static final BigDecimal DEPOSIT = new BigDecimal("1.00");
    private static final BigDecimal TRANSFER = new BigDecimal("0.01");
    private static final Duration TRANSFER_OUTCOME_TIMEOUT = Duration.ofSeconds(60);

    private final LedgerClient ledger;
    private final BenchAccounts accounts;

    public LedgerOperations(LedgerClient ledger, BenchAccounts accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** A deposit, answered by the command side: the money is booked in the event store. */
    public Operation deposit(int client) {
        List<String> own = accounts.ofClient(client);
        LedgerClient caller = ledger.loadClient(client);
        int[] next = {0};
        return () -> caller.deposit(own.get(next[0]++ % own.size()), DEPOSIT, BenchAccounts.CURRENCY, "bench deposit");
    }

    /** One deposit on every account of the first {@code slots} clients and on every probe account, by {@code threads} threads. */
    public void depositOnEveryAccount(int slots, int threads) throws Exception {
        List<Callable<Void>> deposits = new ArrayList<>();
        for (int client = 0; client < slots; client++) {
            LedgerClient caller = ledger.loadClient(client);
            for (String account : accounts.ofClient(client)) {
                deposits.add(() -> deposit(caller, account));
            }
        }
        LedgerClient prober = ledger.loadClient(0);
        for (String probe : accounts.probes()) {
            deposits.add(() -> deposit(prober, probe));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(deposits)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void deposit(LedgerClient caller, String account) throws Exception {
        caller.deposit(account, DEPOSIT, BenchAccounts.CURRENCY, "bench deposit");
        return null;
    }

    /**
     * A transfer from request to COMPLETED as the query side reports it: the saga debits one account,
     * credits the other and completes the transfer, and the outcome travels through Kafka into the
     * SQL read model.
     */
    public Operation transfer(int client) {
        List<String> own = accounts.ofClient(client);
        LedgerClient caller = ledger.loadClient(client);
        int[] next = {0};
        return () -> {
            int from = next[0]++ % own.size();
            String transferId = caller.requestTransfer(own.get(from), own.get((from + 1) % own.size()), TRANSFER,
                    BenchAccounts.CURRENCY);
            caller.awaitTransferCompleted(transferId, TRANSFER_OUTCOME_TIMEOUT);
        };
    }
}
