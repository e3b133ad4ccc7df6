package io.ledgerline.systemtests.load;

import java.math.BigDecimal;
import java.net.URI;

/**
 * One request and its answer.
 *
 * @param id           unique per request: the transfer id, or written into a deposit's or withdrawal's description
 * @param account      the account the money leaves or enters; the source of a transfer
 * @param counterparty the destination of a transfer, else null
 * @param target       the command-side node that was asked
 * @param detail       the problem code or the connection failure
 */
public record Operation(String id, String scenario, OperationKind kind, String account, String counterparty,
        BigDecimal amount, URI target, Outcome outcome, int status, String detail, long startedNanos,
        long endedNanos) {

    /** Deposits and withdrawals carry this before their id in their description, which the event store keeps sealed. */
    public static final String DESCRIPTION_PREFIX = "load ";

    public boolean overlaps(long fromNanos, long toNanos) {
        return startedNanos <= toNanos && endedNanos >= fromNanos;
    }

    @Override
    public String toString() {
        return kind + " " + id + " " + amount + " on " + account + (counterparty == null ? "" : " -> " + counterparty)
                + " at " + target + ": " + outcome + " " + status + " " + detail;
    }
}
