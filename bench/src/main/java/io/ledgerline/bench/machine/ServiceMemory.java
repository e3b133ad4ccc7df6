package io.ledgerline.bench.machine;

/** A service's peak and final resident memory, in bytes. */
public record ServiceMemory(String service, long peakRssBytes, long finalRssBytes) {

    public double peakRssMegabytes() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
