package io.ledgerline.command.transfer.web;

import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.command.web.BoundedText;
import io.ledgerline.support.text.PlainText;
import io.ledgerline.support.text.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The description's length is this request's own limit (400); the reference is refused here only
 * beyond 1,000 characters, and by the transfer's rules beyond its length (422), which the schema says.
 */
public record TransferRequest(
        @Schema(description = "Chosen by the client to make the request repeatable; generated when omitted or null",
                example = "7b0c6a52-2f5e-4d0f-9d3c-0f6c1e2a9b44", types = {"string", "null"},
                maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID)
        @Pattern(regexp = ApiFormats.ID, message = TextRules.ID_MESSAGE) String transferId,
        @Schema(example = "4f7d2c1e-8a0b-4c55-9d1e-3b2a6f0c9e11", maxLength = ApiFormats.MAX_ID_LENGTH,
                pattern = ApiFormats.ID)
        @NotNull @Pattern(regexp = ApiFormats.ID, message = TextRules.ID_MESSAGE) String fromAccountId,
        @Schema(example = "9a1e3c55-0b7d-4e2f-8c6a-5d4b3a2f1e00", maxLength = ApiFormats.MAX_ID_LENGTH,
                pattern = ApiFormats.ID)
        @NotNull @Pattern(regexp = ApiFormats.ID, message = TextRules.ID_MESSAGE) String toAccountId,
        @Schema(description = "Decimal string; a JSON number is accepted too. Positive, with at most the currency's "
                + "decimals, up to the largest single amount (422 otherwise)", example = "\"30.00\"", type = "string",
                pattern = ApiFormats.AMOUNT, maxLength = ApiFormats.MAX_AMOUNT_LENGTH)
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal amount,
        @Schema(description = "ISO-4217 code; both accounts' currency", example = "EUR", minLength = 3, maxLength = 3,
                pattern = ApiFormats.CURRENCY)
        @NotBlank @Pattern(regexp = ApiFormats.CURRENCY, message = "must be an ISO-4217 code such as EUR") String currency,
        @Schema(description = "The client's text, sealed as the payer's personal data", example = "Rent March",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_DESCRIPTION_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT)
        @Size(max = ApiFormats.MAX_DESCRIPTION_LENGTH) @PlainText String description,
        @Schema(description = "The payer's reference for the payee, sealed as the payer's personal data",
                example = "INV-2026-0042", types = {"string", "null"}, maxLength = ApiFormats.MAX_REFERENCE_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT)
        @BoundedText @PlainText String reference) {
}
