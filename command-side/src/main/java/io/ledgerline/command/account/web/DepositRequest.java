package io.ledgerline.command.account.web;

import io.ledgerline.support.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The amount is bounded here so that an absurd exponent is refused before any arithmetic touches it. */
public record DepositRequest(
        @Schema(description = "Decimal string; a JSON number is accepted too", example = "12.50", type = "string")
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal amount,
        @Schema(description = "ISO-4217 code; must be the account's currency", example = "EUR")
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
        @Schema(description = "Shown on the statement; at most 140 characters", example = "Salary", nullable = true)
        @Size(max = 1000) @PlainText String description,
        @Schema(description = "The payer's reference; at most 35 characters", example = "INV-2026-0042", nullable = true)
        @Size(max = 1000) @PlainText String reference,
        @Schema(description = "The payment system's id of this booking; at most 64 characters, shown in the audit "
                + "history and on the statement", example = "PAY-7f3a9c21", nullable = true)
        @Size(max = 1000) @PlainText String externalReference) {
}
