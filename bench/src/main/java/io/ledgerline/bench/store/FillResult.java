package io.ledgerline.bench.store;

/**
 * How the event store was filled: from how many events to how many, in how long, the failed
 * requests, and how many of the events were appended straight to the store rather than deposited
 * through the command API.
 */
public record FillResult(long eventsBefore, long eventsAfter, double seconds, long failedRequests, long appendedDirectly) {

    public double eventsPerSecond() {
        return seconds > 0 ? (eventsAfter - eventsBefore) / seconds : 0;
    }

    public long throughTheApi() {
        return eventsAfter - eventsBefore - appendedDirectly;
    }
}
