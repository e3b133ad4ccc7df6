package io.ledgerline.query.transfers;

import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A transfer as the query side serves it: REQUESTED, then COMPLETED or FAILED with a reason.
 *
 * @param amount a decimal string, as every amount the query side answers
 */
@Schema(name = "TransferView")
public record TransferView(@Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String transferId,
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String fromAccountId,
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String toAccountId,
        @Schema(description = "Decimal string", example = "\"30.00\"", pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String amount,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
        @Schema(allowableValues = {"REQUESTED", "COMPLETED", "FAILED"}) String status,
        @Schema(description = "Why it failed, as a code; null unless FAILED", example = "INSUFFICIENT_FUNDS",
                types = {"string", "null"}, pattern = ApiFormats.CODE, maxLength = ApiFormats.MAX_CODE_LENGTH)
        String failureCode,
        @Schema(description = "The same in words (neutral for the payee); null unless FAILED",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String failureReason,
        @Schema(minimum = "0", maximum = "9223372036854775807") long version,
        Instant requestedAt,
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
