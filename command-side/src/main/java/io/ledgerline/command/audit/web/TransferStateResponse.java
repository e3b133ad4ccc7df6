package io.ledgerline.command.audit.web;

import io.ledgerline.command.audit.TransferState;
import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A transfer as it was, its amount a decimal string beside the currency's code like every amount answered. */
@Schema(name = "TransferState", requiredMode = Schema.RequiredMode.REQUIRED)
public record TransferStateResponse(
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String transferId,
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String sourceAccountId,
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String destinationAccountId,
        @Schema(description = "Decimal string in the transfer's currency", example = "\"20.00\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String amount,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3)
        String currency,
        TransferState.Status status,
        @Schema(description = "Why it failed; null while requested and once completed", nullable = true,
                types = {"object", "null"})
        Failure outcome,
        @Schema(description = "The sequence of the transfer's event that produced this state, from 0", minimum = "0",
                maximum = "9223372036854775807") long version,
        @Schema(description = "The timestamp of that event") Instant lastEventAt) {

    static TransferStateResponse of(TransferState state) {
        TransferState.Failure failure = state.outcome();
        return new TransferStateResponse(state.transferId(), state.sourceAccountId(), state.destinationAccountId(),
                AccountStateResponse.decimal(state.amount()), state.amount().currency().getCurrencyCode(),
                state.status(), failure == null ? null : new Failure(failure.reasonCode(), failure.reason()),
                state.version(), state.lastEventAt());
    }

    /** @param reasonCode the stable code of the refusal that failed the transfer */
    @Schema(name = "TransferFailure", requiredMode = Schema.RequiredMode.REQUIRED)
    public record Failure(@Schema(pattern = "^[A-Z][A-Z_]*$", maxLength = 64, example = "INSUFFICIENT_FUNDS") String reasonCode,
            @Schema(maxLength = 1000, example = "Account 4f7d... has insufficient funds") String reason) {
    }
}
