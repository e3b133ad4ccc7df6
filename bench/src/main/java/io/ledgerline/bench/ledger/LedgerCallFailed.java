package io.ledgerline.bench.ledger;

/** A call answered with an unexpected status; the body is kept (truncated) to explain why. */
public final class LedgerCallFailed extends RuntimeException {

    private final int status;

    LedgerCallFailed(String call, int status, String body) {
        super(call + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
