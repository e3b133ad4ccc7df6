package io.ledgerline.bench.store;

/** How the event store was filled: from how many events to how many, in how long, and failed requests. */
public record FillResult(long eventsBefore, long eventsAfter, double seconds, long failedRequests) {

    public double eventsPerSecond() {
        return seconds > 0 ? (eventsAfter - eventsBefore) / seconds : 0;
    }
}
