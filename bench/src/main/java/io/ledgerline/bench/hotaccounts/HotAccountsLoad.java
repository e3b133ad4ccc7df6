package io.ledgerline.bench.hotaccounts;

import io.ledgerline.bench.ledger.LedgerCallFailed;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.load.LatencyRecorder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed-loop clients that all book on the same few accounts: deposits, withdrawals and transfers among them in
 * turn. It counts answers, not successes: a refusal (409, 422) is the ledger telling a client why; a 5xx or no
 * answer is the failure the target counts. Transfers are counted by the answer to their request (202): their saga
 * then books on the same hot accounts, which is part of the load.
 */
public final class HotAccountsLoad {

    public static final Duration TARGET_DURATION = Duration.ofSeconds(60);
    public static final int CLIENTS = 64;
    public static final int ACCOUNTS = 8;
    private static final BigDecimal DEPOSIT = new BigDecimal("1.00");
    private static final BigDecimal WITHDRAWAL = new BigDecimal("1.00");
    private static final BigDecimal TRANSFER = new BigDecimal("0.01");
    private static final String CURRENCY = "EUR";

    private HotAccountsLoad() {
    }

    /** @param duration {@link #TARGET_DURATION}, or shorter in the quick run (the result says so) */
    public static HotAccountsResult run(LedgerClient ledger, List<String> hotAccounts, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = new Client(ledger.loadClient(i), hotAccounts, i, end);
            clients.add(client);
            threads.add(new Thread(client, "hot-accounts-client-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during the hot-accounts phase", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> byStatus = new TreeMap<>();
        long unanswered = 0;
        String firstFailure = null;
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (Client client : clients) {
            client.byStatus.forEach((status, count) -> byStatus.merge(status, count, Long::sum));
            unanswered += client.unanswered;
            firstFailure = firstFailure != null ? firstFailure : client.firstFailure;
            recorders.add(client.latencies);
        }
        return new HotAccountsResult(CLIENTS, hotAccounts.size(), seconds, duration.compareTo(TARGET_DURATION) < 0, byStatus,
                unanswered, LatencyRecorder.summarize(recorders), firstFailure);
    }

    private static final class Client implements Runnable {

        private final LedgerClient caller;
        private final List<String> accounts;
        private final int index;
        private final long end;
        final Map<Integer, Long> byStatus = new TreeMap<>();
        final LatencyRecorder latencies = new LatencyRecorder();
        long unanswered;
        String firstFailure;

        Client(LedgerClient caller, List<String> accounts, int index, long end) {
            this.caller = caller;
            this.accounts = accounts;
            this.index = index;
            this.end = end;
        }

        @Override
        public void run() {
            for (int request = 0; System.nanoTime() < end && !Thread.currentThread().isInterrupted(); request++) {
                // clients start on different accounts and kinds, so that every account sees all three at once
                int turn = index + request;
                String account = accounts.get(turn % accounts.size());
                long sent = System.nanoTime();
                try {
                    int status = send(turn % 3, account, accounts.get((turn + 1) % accounts.size()));
                    answered(status, sent, null);
                } catch (LedgerCallFailed refused) {
                    answered(refused.status(), sent, refused.getMessage());
                } catch (RuntimeException noAnswer) {
                    unanswered++;
                    firstFailure = firstFailure != null ? firstFailure : noAnswer.toString();
                }
            }
        }

        private int send(int kind, String account, String other) {
            return switch (kind) {
                case 0 -> {
                    caller.deposit(account, DEPOSIT, CURRENCY, "hot deposit");
                    yield 200;
                }
                case 1 -> {
                    caller.withdraw(account, WITHDRAWAL, CURRENCY, "hot withdrawal");
                    yield 200;
                }
                default -> {
                    caller.requestTransfer(account, other, TRANSFER, CURRENCY);
                    yield 202;
                }
            };
        }

        private void answered(int status, long sent, String failure) {
            latencies.record(System.nanoTime() - sent);
            byStatus.merge(status, 1L, Long::sum);
            if (status >= 500 && firstFailure == null) {
                firstFailure = failure;
            }
        }
    }
}
