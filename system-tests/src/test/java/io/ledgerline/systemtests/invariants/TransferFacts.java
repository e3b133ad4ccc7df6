package io.ledgerline.systemtests.invariants;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A transfer as the store says it went: its own events and the legs booked on both accounts. */
public final class TransferFacts {

    private final String transferId;
    private String source;
    private String destination;
    private BigDecimal amount;
    private String status = "UNKNOWN";
    private String failureCode;
    private Instant requestedAt;
    private Instant finishedAt;
    private int debits;
    private int credits;
    private int reversals;
    private int settlements;

    TransferFacts(String transferId) {
        this.transferId = transferId;
    }

    void applyOwn(StoredEvent event) {
        switch (event.type()) {
            case "TransferRequested" -> {
                source = event.text("sourceAccountId");
                destination = event.text("destinationAccountId");
                amount = event.money("amount");
                status = "REQUESTED";
                requestedAt = event.timestamp();
            }
            case "TransferCompleted" -> finish("COMPLETED", event);
            case "TransferFailed" -> {
                finish("FAILED", event);
                failureCode = event.text("reasonCode");
            }
            default -> {
            }
        }
    }

    private void finish(String outcome, StoredEvent event) {
        status = outcome;
        finishedAt = event.timestamp();
    }

    void applyLeg(StoredEvent event) {
        switch (event.type()) {
            case "AccountDebitedForTransfer" -> debits++;
            case "AccountCreditedForTransfer" -> credits++;
            case "TransferDebitReversed" -> reversals++;
            case "TransferDebitSettled" -> settlements++;
            default -> {
            }
        }
    }

    public boolean isFinished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }

    /** Whether the transfer had started and not finished at that instant. */
    public boolean wasInFlightAt(Instant instant) {
        return requestedAt != null && !requestedAt.isAfter(instant) && (finishedAt == null || finishedAt.isAfter(instant));
    }

    /** A completed transfer moved the money once each way; a failed one moved nothing for good. */
    List<String> inconsistencies() {
        List<String> found = new ArrayList<>();
        if ("COMPLETED".equals(status) && !(debits == 1 && credits == 1 && settlements == 1 && reversals == 0)) {
            found.add(describe("completed"));
        }
        if ("FAILED".equals(status) && !(credits == 0 && debits == reversals && debits <= 1)) {
            found.add(describe("failed"));
        }
        if ("UNKNOWN".equals(status)) {
            found.add(describe("legs without a request"));
        }
        return found;
    }

    private String describe(String what) {
        return "transfer " + transferId + " " + what + " with " + debits + " debit(s), " + credits + " credit(s), "
                + settlements + " settlement(s), " + reversals + " reversal(s)";
    }

    public String transferId() {
        return transferId;
    }

    public String source() {
        return source;
    }

    public String destination() {
        return destination;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String status() {
        return status;
    }

    /** COMPLETED, or FAILED with its reason code, for the summary of how transfers ended. */
    public String outcome() {
        return failureCode == null ? status : status + " " + failureCode;
    }
}
