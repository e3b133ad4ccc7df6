package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An account as read from the SQL read model. Amounts are decimal strings in the account's currency. */
public record AccountResponse(
        String accountId,
        String customerId,
        @Schema(description = "The owner's name; absent until the customer is known, and once erased", nullable = true)
        String ownerName,
        String currency,
        @Schema(example = "120.50") String balance,
        @Schema(description = "What can still be withdrawn: balance plus overdraft limit", example = "220.50")
        String availableBalance,
        @Schema(example = "100.00") String overdraftLimit,
        @Schema(allowableValues = {"OPEN", "FROZEN", "CLOSED"}) String status,
        @Schema(description = "Sequence of the last event reflected here; equals the command side's version") long version,
        Instant openedAt,
        Instant updatedAt) {

    static AccountResponse of(AccountView view) {
        return new AccountResponse(view.accountId(), view.customerId(), view.ownerName(), view.currency(),
                view.balance().toPlainString(), view.availableBalance().toPlainString(),
                view.overdraftLimit().toPlainString(), view.status(), view.version(), view.openedAt(), view.updatedAt());
    }
}
