package io.ledgerline.command.customer.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Name and email are checked by the customer's rules (422); here only their presence and size. */
public record CustomerDetailsRequest(
        @Schema(example = "Ada King") @NotNull @Size(max = 1000) String name,
        @Schema(example = "ada.king@example.org") @NotNull @Size(max = 1000) String email) {
}
