package io.ledgerline.peer.account;

/** A deposit request without an amount: nothing to book. */
class MissingAmount extends RuntimeException {

    static final String CODE = "MISSING_AMOUNT";

    MissingAmount() {
        super("A deposit needs an amount");
    }
}
