package io.ledgerline.bench.lag;

import io.ledgerline.bench.ledger.BenchAccounts;
import io.ledgerline.bench.ledger.LedgerClient;
import io.ledgerline.bench.load.Pacing;
import io.ledgerline.bench.load.LatencyRecorder;
import io.ledgerline.bench.load.LatencySummary;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the lag of single deposits while other load runs. Each probe owns an account, deposits,
 * and watches for that deposit: SQL probes through the query side's read-your-writes wait
 * ({@code minVersion}, answered as soon as the projection has the version), search probes by
 * polling the transaction search until the new statement line is found. Probes sample a few writes
 * per second each; measuring every write would double the load being measured.
 */
public final class LagProbes {

    private static final BigDecimal AMOUNT = new BigDecimal("0.10");
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SEARCH_POLL = Duration.ofMillis(50);
    private static final Duration BETWEEN_SAMPLES = Duration.ofMillis(100);

    private final LedgerClient ledger;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    public LagProbes(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /** Half of the probe accounts watch the SQL read model, the other half the search index. */
    public LagResult measure(List<String> probeAccounts, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        List<LatencyRecorder> toSql = new ArrayList<>();
        List<LatencyRecorder> toSearch = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < probeAccounts.size(); i++) {
            String account = probeAccounts.get(i);
            LatencyRecorder recorder = new LatencyRecorder();
            boolean sql = i % 2 == 0;
            (sql ? toSql : toSearch).add(recorder);
            Runnable probe = sql ? () -> probeSql(account, recorder, end) : () -> probeSearch(account, recorder, end);
            threads.add(new Thread(probe, (sql ? "lag-sql-" : "lag-search-") + i));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while probing lag", e);
            }
        }
        LatencySummary sql = LatencyRecorder.summarize(toSql);
        LatencySummary search = LatencyRecorder.summarize(toSearch);
        return new LagResult(sql, search, failures.get(), firstError.get());
    }

    private void probeSql(String account, LatencyRecorder recorder, long end) {
        while (System.nanoTime() < end) {
            try {
                long version = ledger.deposit(account, AMOUNT, BenchAccounts.CURRENCY, "lag probe");
                long answered = System.nanoTime();
                ledger.awaitAccountVersion(account, version, SAMPLE_TIMEOUT);
                recorder.record(System.nanoTime() - answered);
            } catch (RuntimeException e) {
                failed(e);
            }
            Pacing.pause(BETWEEN_SAMPLES);
        }
    }

    /** The account's opening deposit is its first statement line; every probe deposit adds one. */
    private void probeSearch(String account, LatencyRecorder recorder, long end) {
        long expectedLines = 1;
        while (System.nanoTime() < end) {
            try {
                ledger.deposit(account, AMOUNT, BenchAccounts.CURRENCY, "lag probe");
                expectedLines++;
                long answered = System.nanoTime();
                long deadline = answered + SAMPLE_TIMEOUT.toNanos();
                while (ledger.searchedTransactions(account) < expectedLines) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("deposit on " + account + " not found by search within " + SAMPLE_TIMEOUT);
                    }
                    Pacing.pause(SEARCH_POLL);
                }
                recorder.record(System.nanoTime() - answered);
            } catch (RuntimeException e) {
                failed(e);
            }
            Pacing.pause(BETWEEN_SAMPLES);
        }
    }

    private void failed(RuntimeException e) {
        failures.incrementAndGet();
        firstError.compareAndSet(null, e.toString());
    }
}
