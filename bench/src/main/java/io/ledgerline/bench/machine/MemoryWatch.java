package io.ledgerline.bench.machine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a service's resident memory in the background and keeps the highest value seen. */
public final class MemoryWatch implements AutoCloseable {

    private final String service;
    private final ProcessMemory memory;
    private final ScheduledExecutorService sampler;
    private volatile long peakSampled;

    public MemoryWatch(String service, long pid) {
        this.service = service;
        this.memory = new ProcessMemory(pid);
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-" + service);
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        memory.residentBytes().ifPresent(bytes -> peakSampled = Math.max(peakSampled, bytes));
    }

    /** Read while the process is alive: the larger of the sampled peak and the kernel's high-water mark. */
    public ServiceMemory peak() {
        sample();
        long highWater = memory.peakResidentBytes().orElse(0);
        return new ServiceMemory(service, Math.max(peakSampled, highWater), memory.residentBytes().orElse(0));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
