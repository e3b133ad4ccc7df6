package io.ledgerline.query.statements.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many matching lines of one type or one month there are in one currency, and their exact sum
 * as a decimal string with the currency's minor units. Exactly one of type and month is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TransactionTotal", requiredProperties = {"currency", "count", "amount"})
public record TransactionTotal(
        @Schema(description = "The lines' type, in a total per type only", allowableValues = {"DEPOSIT", "WITHDRAWAL",
                "TRANSFER_DEBIT", "TRANSFER_CREDIT", "TRANSFER_DEBIT_REVERSAL"}) String type,
        @Schema(description = "The lines' month (UTC), in a total per month only", example = "2026-03",
                pattern = "^[0-9]{4}-[0-9]{2}$", maxLength = 7) String month,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3)
        String currency,
        @Schema(minimum = "1", maximum = "9223372036854775807") long count,
        @Schema(description = "The exact sum, signed", example = "\"-1250.00\"", pattern = ApiFormats.DECIMAL,
                maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String amount) {
}
