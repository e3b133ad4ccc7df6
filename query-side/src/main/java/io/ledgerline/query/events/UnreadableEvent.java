package io.ledgerline.query.events;

/** A record of ledger.events that cannot be read as a known event. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
