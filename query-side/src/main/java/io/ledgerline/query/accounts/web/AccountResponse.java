package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An account as read from the SQL read model. Amounts are decimal strings in the account's currency. */
public record AccountResponse(
        String accountId,
        String customerId,
        String currency,
        @Schema(example = "120.50") String balance,
        @Schema(example = "0.00") String overdraftLimit,
        @Schema(example = "OPEN") String status,
        @Schema(description = "Sequence of the last event reflected here; equals the command side's version") long version,
        Instant openedAt,
        Instant updatedAt) {

    static AccountResponse of(AccountView view) {
        return new AccountResponse(view.accountId(), view.customerId(), view.currency(),
                view.balance().toPlainString(), view.overdraftLimit().toPlainString(), view.status(),
                view.version(), view.openedAt(), view.updatedAt());
    }
}
