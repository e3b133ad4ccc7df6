package io.ledgerline.query.graphql;

import io.ledgerline.query.accounts.AccountView;
import java.time.Instant;

/** An account as GraphQL answers it: REST's fields, amounts as the same decimal strings. */
public record AccountNode(String id, String customerId, String ownerName, String currency, String balance,
        String availableBalance, String overdraftLimit, String status, long version, Instant openedAt,
        Instant updatedAt) {

    public static AccountNode of(AccountView view) {
        return new AccountNode(view.accountId(), view.customerId(), view.ownerName(), view.currency(),
                view.balance().toPlainString(), view.availableBalance().toPlainString(),
                view.overdraftLimit().toPlainString(), view.status(), view.version(), view.openedAt(),
                view.updatedAt());
    }

    String cursor() {
        return Cursors.account(openedAt, id);
    }
}
