package io.ledgerline.command.account.web;

import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.support.text.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

public record OpenAccountRequest(
        @Schema(description = "The customer who owns the account", example = "4f7d2c1e-8a0b-4c55-9d1e-3b2a6f0c9e11",
                maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID)
        @NotNull @Pattern(regexp = ApiFormats.ID, message = TextRules.ID_MESSAGE) String customerId,
        @Schema(description = "ISO-4217 code of the account's currency", example = "EUR", minLength = 3, maxLength = 3,
                pattern = ApiFormats.CURRENCY)
        @NotBlank @Pattern(regexp = ApiFormats.CURRENCY, message = "must be an ISO-4217 code such as EUR") String currency,
        @Schema(description = "How far the balance may go below zero, as a decimal string; 0 when omitted or null. "
                + "At most the currency's decimals, up to the largest single amount (422 otherwise)",
                example = "\"100.00\"", implementation = String.class, types = {"string", "null"},
                pattern = ApiFormats.AMOUNT,
                maxLength = ApiFormats.MAX_AMOUNT_LENGTH)
        @Digits(integer = 15, fraction = 10) BigDecimal overdraftLimit) {
}
