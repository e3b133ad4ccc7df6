package io.ledgerline.command.customer.web;

import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.command.web.BoundedText;
import io.ledgerline.support.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * Name and email are checked by the customer's rules (422); here only their presence, size and that
 * they are plain text (400). An email address may not hide invisible characters.
 */
public record CustomerDetailsRequest(
        @Schema(example = "Ada King", minLength = 1, maxLength = ApiFormats.MAX_NAME_LENGTH,
                pattern = ApiFormats.PLAIN_TEXT,
                description = "Not blank; surrounding blanks are dropped")
        @NotNull @BoundedText @PlainText String name,
        @Schema(example = "ada.king@example.org", format = "email", maxLength = ApiFormats.MAX_EMAIL_LENGTH)
        @NotNull @BoundedText @PlainText(invisibleCharacters = false) String email) {
}
