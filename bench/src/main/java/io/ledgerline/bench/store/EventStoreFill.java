package io.ledgerline.bench.store;

import io.ledgerline.bench.load.Operation;
import io.ledgerline.bench.load.Pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Stores events through the command API (deposits by many concurrent clients) until the event store
 * holds the requested number, reporting progress while it runs: the rebuild phase and the
 * latency-versus-size check need a store of a given size that was written the way clients write.
 * Beyond {@value #THROUGH_THE_API} events, the rest is appended straight to the store
 * ({@link DepositBulkLoad}): a million deposits through the API would take hours here.
 */
public final class EventStoreFill {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    static final long THROUGH_THE_API = 20_000;

    private final EventStoreSize size;
    private final DepositBulkLoad bulkLoad;
    private final Consumer<String> progress;

    public EventStoreFill(EventStoreSize size, DepositBulkLoad bulkLoad, Consumer<String> progress) {
        this.size = size;
        this.bulkLoad = bulkLoad;
        this.progress = progress;
    }

    public FillResult fillTo(long targetEvents, int clients, IntFunction<Operation> deposits) {
        long before = size.events();
        long started = System.nanoTime();
        if (before >= targetEvents) {
            progress.accept("Event store already holds " + before + " events (>= " + targetEvents + ")");
            return new FillResult(before, before, 0, 0, 0);
        }
        long throughTheApi = Math.min(targetEvents, before + THROUGH_THE_API);
        progress.accept("Filling the event store from " + before + " to " + throughTheApi + " events with "
                + clients + " clients depositing");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Operation deposit = deposits.apply(i);
            threads.add(new Thread(() -> depositUntilDone(deposit, done, failures), "fill-" + i));
        }
        threads.forEach(Thread::start);
        long current = before;
        long lastReport = started;
        long lastReported = before;
        while (current < throughTheApi) {
            Pacing.pause(Duration.ofSeconds(1));
            current = size.events();
            long now = System.nanoTime();
            if (now - lastReport >= REPORT_EVERY.toNanos()) {
                double rate = (current - lastReported) / ((now - lastReport) / 1e9);
                double eta = rate > 0 ? (throughTheApi - current) / rate : Double.NaN;
                progress.accept(String.format("  stored %,d of %,d events (%.0f events/s, about %.0f s to go, %d failed requests)",
                        current, throughTheApi, rate, eta, failures.get()));
                lastReport = now;
                lastReported = current;
            }
        }
        done.set(true);
        threads.forEach(EventStoreFill::join);
        long rest = targetEvents - size.events();
        long appended = rest > 0 ? bulkLoad.append(rest) : 0;
        long after = size.events();
        FillResult result = new FillResult(before, after, (System.nanoTime() - started) / 1e9, failures.get(), appended);
        progress.accept(String.format("Event store holds %,d events (%,d stored in %.0f s, %.0f events/s; %,d of them appended directly)",
                after, after - before, result.seconds(), result.eventsPerSecond(), appended));
        return result;
    }

    private static void depositUntilDone(Operation deposit, AtomicBoolean done, AtomicLong failures) {
        while (!done.get()) {
            try {
                deposit.perform();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.incrementAndGet();
                Pacing.pause(Duration.ofMillis(10));
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
