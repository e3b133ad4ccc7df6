package io.ledgerline.command.customer.web;

import io.ledgerline.support.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Name and email are checked by the customer's rules (422); here only their presence, size and that
 * they are plain text (400). An email address may not hide invisible characters.
 */
public record RegisterCustomerRequest(
        @Schema(example = "Ada Lovelace") @NotNull @Size(max = 1000) @PlainText String name,
        @Schema(example = "ada@example.org") @NotNull @Size(max = 1000) @PlainText(invisibleCharacters = false) String email) {
}
