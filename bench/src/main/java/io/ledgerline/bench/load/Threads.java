package io.ledgerline.bench.load;

import java.util.List;

final class Threads {

    private Threads() {
    }

    static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the load was running", e);
            }
        }
    }
}
