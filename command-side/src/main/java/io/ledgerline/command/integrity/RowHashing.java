package io.ledgerline.command.integrity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Hashes the rows of a verification on worker threads while the caller reads the next rows from
 * the database: reading alone kept the database idle while a batch was hashed, and the hashing
 * idle while the next batch was fetched. The hashed rows come back to the caller's thread in the
 * order they were read, so the links and checkpoint leaves are built exactly as a single thread
 * builds them.
 */
final class RowHashing implements AutoCloseable {

    private static final int BATCH = 1_000;
    private static final int MAX_WORKERS = 3;

    private final ExecutorService workers;
    private final int maxInFlight;
    private final Consumer<StoredBytes.Hashed> inOrder;
    private final ArrayDeque<Future<List<StoredBytes.Hashed>>> inFlight = new ArrayDeque<>();
    private List<StoredBytes> batch = new ArrayList<>(BATCH);

    /** @param inOrder receives every hashed row, in the order submitted, on the submitting thread */
    RowHashing(Consumer<StoredBytes.Hashed> inOrder) {
        // the database needs a core to stream the rows
        int count = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors() - 1));
        this.workers = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "ledger-verification-hashing");
            thread.setDaemon(true);
            return thread;
        });
        this.maxInFlight = count + 2;
        this.inOrder = inOrder;
    }

    void submit(StoredBytes row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            dispatch();
        }
    }

    /** Waits for every row submitted to be hashed and handed over. */
    void finish() {
        if (!batch.isEmpty()) {
            dispatch();
        }
        while (!inFlight.isEmpty()) {
            handOverOldest();
        }
    }

    private void dispatch() {
        List<StoredBytes> rows = batch;
        batch = new ArrayList<>(BATCH);
        inFlight.add(workers.submit(() -> hashed(rows)));
        while (inFlight.size() > maxInFlight) {
            handOverOldest();
        }
    }

    private static List<StoredBytes.Hashed> hashed(List<StoredBytes> rows) {
        EventHash hasher = new EventHash();
        List<StoredBytes.Hashed> hashed = new ArrayList<>(rows.size());
        for (StoredBytes row : rows) {
            hashed.add(row.hash(hasher));
        }
        return hashed;
    }

    private void handOverOldest() {
        try {
            inFlight.removeFirst().get().forEach(inOrder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying the event store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Hashing stored events failed", e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
