package io.ledgerline.command.transfer.web;

import io.ledgerline.support.text.PlainText;
import io.ledgerline.support.text.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record TransferRequest(
        @Schema(description = "Chosen by the client to make the request repeatable; generated when omitted",
                example = "7b0c6a52-2f5e-4d0f-9d3c-0f6c1e2a9b44", nullable = true)
        @Pattern(regexp = TextRules.ID_PATTERN, message = TextRules.ID_MESSAGE) String transferId,
        @Schema(example = "4f7d2c1e-8a0b-4c55-9d1e-3b2a6f0c9e11")
        @NotNull @Pattern(regexp = TextRules.ID_PATTERN, message = TextRules.ID_MESSAGE) String fromAccountId,
        @Schema(example = "9a1e3c55-0b7d-4e2f-8c6a-5d4b3a2f1e00")
        @NotNull @Pattern(regexp = TextRules.ID_PATTERN, message = TextRules.ID_MESSAGE) String toAccountId,
        @Schema(description = "Decimal string; a JSON number is accepted too", example = "30.00", type = "string")
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal amount,
        @Schema(description = "ISO-4217 code; both accounts' currency", example = "EUR")
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
        @Schema(description = "The client's text; at most 140 characters, sealed as the payer's personal data",
                example = "Rent March", nullable = true)
        @Size(max = 140) @PlainText String description,
        @Schema(description = "The payer's reference for the payee; at most 35 characters, sealed as the payer's "
                + "personal data", example = "INV-2026-0042", nullable = true)
        @Size(max = 1000) @PlainText String reference) {
}
