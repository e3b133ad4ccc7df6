package io.ledgerline.query.rebuild;

/** A rebuild cannot go on: its new version is dropped and the serving version stays. */
class RebuildFailed extends Exception {

    RebuildFailed(String message) {
        super(message);
    }

    RebuildFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
