package io.ledgerline.query.parking;

/**
 * A failure that carries the HTTP status a read store answered with, so that an overloaded or
 * unavailable store (429, 5xx) is waited out rather than the event parked.
 */
public interface RemoteStoreFailure {

    int status();
}
