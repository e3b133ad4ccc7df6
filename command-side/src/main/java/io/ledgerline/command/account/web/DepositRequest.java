package io.ledgerline.command.account.web;

import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.command.web.BoundedText;
import io.ledgerline.support.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * The amount is bounded here so that an absurd exponent is refused before any arithmetic touches it.
 * The texts are refused here only beyond 1,000 characters (400); the booking's rules refuse them
 * beyond their own lengths (422), and those lengths are what the schema says.
 */
public record DepositRequest(
        @Schema(description = "Decimal string; a JSON number is accepted too. Positive, with at most the currency's "
                + "decimals, up to the largest single amount (422 otherwise)", example = "\"12.50\"", type = "string",
                pattern = ApiFormats.AMOUNT, maxLength = ApiFormats.MAX_AMOUNT_LENGTH)
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal amount,
        @Schema(description = "ISO-4217 code; must be the account's currency", example = "EUR", minLength = 3,
                maxLength = 3, pattern = ApiFormats.CURRENCY)
        @NotBlank @Pattern(regexp = ApiFormats.CURRENCY, message = "must be an ISO-4217 code such as EUR") String currency,
        @Schema(description = "Shown on the statement", example = "Salary", types = {"string", "null"},
                maxLength = ApiFormats.MAX_DESCRIPTION_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT)
        @BoundedText @PlainText String description,
        @Schema(description = "The payer's reference", example = "INV-2026-0042", types = {"string", "null"},
                maxLength = ApiFormats.MAX_REFERENCE_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT)
        @BoundedText @PlainText String reference,
        @Schema(description = "The payment system's id of this booking, shown in the audit history and on the "
                + "statement", example = "PAY-7f3a9c21", types = {"string", "null"},
                maxLength = ApiFormats.MAX_EXTERNAL_REFERENCE_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT)
        @BoundedText @PlainText String externalReference) {
}
