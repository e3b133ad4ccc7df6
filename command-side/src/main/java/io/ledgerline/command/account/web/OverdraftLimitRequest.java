package io.ledgerline.command.account.web;

import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

public record OverdraftLimitRequest(
        @Schema(description = "How far the balance may go below zero, in the account's currency, as a decimal "
                + "string. At most the currency's decimals, up to the largest single amount (422 otherwise)",
                example = "\"250.00\"", type = "string", pattern = ApiFormats.AMOUNT,
                maxLength = ApiFormats.MAX_AMOUNT_LENGTH)
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal limit) {
}
