package io.ledgerline.query.transfers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A transfer as the query side serves it: REQUESTED, then COMPLETED or FAILED with a reason.
 *
 * @param amount a decimal string, as every amount the query side answers
 */
public record TransferView(String transferId, String fromAccountId, String toAccountId,
        @Schema(description = "Decimal string", example = "30.00") String amount,
        String currency, String status, String failureCode, String failureReason, long version, Instant requestedAt,
        Instant updatedAt) {

    /** What the payee may read of a failure: the reason text names the payer's balance and limits. */
    static final String NEUTRAL_FAILURE_REASON = "The transfer could not be completed";

    /** The transfer as its payee sees it: the failure's code, but a neutral reason in place of the payer's text. */
    public TransferView asSeenByThePayee() {
        if (failureReason == null) {
            return this;
        }
        return new TransferView(transferId, fromAccountId, toAccountId, amount, currency, status, failureCode,
                NEUTRAL_FAILURE_REASON, version, requestedAt, updatedAt);
    }
}
