package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountView;
import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An account as read from the SQL read model. Amounts are decimal strings in the account's currency. */
@Schema(name = "AccountResponse")
public record AccountResponse(
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String accountId,
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String customerId,
        @Schema(description = "The owner's name; null until the customer is known, and once erased",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String ownerName,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
        @Schema(example = "\"120.50\"", pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String balance,
        @Schema(description = "What can still be withdrawn: balance plus overdraft limit", example = "\"220.50\"", pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH)
        String availableBalance,
        @Schema(example = "\"100.00\"", pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String overdraftLimit,
        @Schema(allowableValues = {"OPEN", "FROZEN", "CLOSED"}) String status,
        @Schema(description = "Sequence of the last event reflected here; equals the command side's version",
                minimum = "0", maximum = "9223372036854775807") long version,
        Instant openedAt,
        Instant updatedAt) {

    static AccountResponse of(AccountView view) {
        return new AccountResponse(view.accountId(), view.customerId(), view.ownerName(), view.currency(),
                view.balance().toPlainString(), view.availableBalance().toPlainString(),
                view.overdraftLimit().toPlainString(), view.status(), view.version(), view.openedAt(), view.updatedAt());
    }
}
