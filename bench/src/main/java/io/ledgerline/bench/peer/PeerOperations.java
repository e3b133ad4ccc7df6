package io.ledgerline.bench.peer;

import io.ledgerline.bench.load.Operation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Deposits on the peer shaped as Ledgerline's: each client on accounts of its own, the same amount, rotating. */
public final class PeerOperations {

    private static final BigDecimal DEPOSIT = new BigDecimal("1.00");
    private static final String CURRENCY = "EUR";
    private static final int OPENING_THREADS = 16;

    private final PeerClient peer;
    private final List<List<String>> bySlot;

    private PeerOperations(PeerClient peer, List<List<String>> bySlot) {
        this.peer = peer;
        this.bySlot = bySlot;
    }

    /** Opens {@code accountsPerSlot} accounts for each of {@code slots} clients, as the ledger's load has. */
    public static PeerOperations open(PeerClient peer, String runId, int slots, int accountsPerSlot) throws Exception {
        List<List<String>> bySlot = new ArrayList<>();
        List<Callable<Void>> opens = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < accountsPerSlot; i++) {
                String accountId = runId + "-" + slot + "-" + i;
                accounts.add(accountId);
                opens.add(() -> {
                    peer.open(accountId, CURRENCY);
                    return null;
                });
            }
            bySlot.add(List.copyOf(accounts));
        }
        ExecutorService pool = Executors.newFixedThreadPool(OPENING_THREADS);
        try {
            for (Future<Void> opened : pool.invokeAll(opens)) {
                opened.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new PeerOperations(peer, List.copyOf(bySlot));
    }

    public Operation deposit(int client) {
        List<String> own = bySlot.get(client % bySlot.size());
        int[] next = {0};
        return () -> peer.deposit(own.get(next[0]++ % own.size()), DEPOSIT);
    }
}
