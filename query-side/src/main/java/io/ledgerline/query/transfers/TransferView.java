package io.ledgerline.query.transfers;

import java.math.BigDecimal;
import java.time.Instant;

/** A transfer as the query side serves it: REQUESTED, then COMPLETED or FAILED with a reason. */
public record TransferView(String transferId, String fromAccountId, String toAccountId, BigDecimal amount,
        String currency, String status, String failureCode, String failureReason, long version, Instant requestedAt,
        Instant updatedAt) {
}
