package io.ledgerline.command.account.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

public record OverdraftLimitRequest(
        @Schema(description = "How far the balance may go below zero, in the account's currency", example = "250.00",
                type = "string")
        @NotNull @Digits(integer = 15, fraction = 10) BigDecimal limit) {
}
