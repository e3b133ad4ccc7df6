package io.ledgerline.query.accounts.search;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * An account as indexed for search. The document id is the account id; its external version is
 * the sequence of the last account event applied plus one. Owner name and email are copied from
 * the customers index and are absent while the customer is unknown or after it was erased. The
 * balance is the exact decimal string only: a balance has no bound, so no number type of the index
 * could hold every one (indices of earlier releases also hold {@code balanceMinor}; nothing reads it).
 */
public record AccountDocument(String accountId, String customerId, String ownerName, String ownerEmail,
        String currency, String status, String balance, Instant openedAt) {

    static final String OPEN = "OPEN";
    static final String FROZEN = "FROZEN";
    static final String CLOSED = "CLOSED";

    static AccountDocument opened(AccountOpened opened, Instant at) {
        Money zero = Money.zero(opened.currency());
        return new AccountDocument(opened.accountId().value(), opened.customerId().value(), null, null,
                opened.currency().getCurrencyCode(), OPEN, zero.amount().toPlainString(), at);
    }

    AccountDocument withBalance(Money balance) {
        return new AccountDocument(accountId, customerId, ownerName, ownerEmail, currency, status,
                balance.amount().toPlainString(), openedAt);
    }

    AccountDocument withStatus(String newStatus) {
        return new AccountDocument(accountId, customerId, ownerName, ownerEmail, currency, newStatus, balance,
                openedAt);
    }

    AccountDocument withOwner(Optional<CustomerDocument> owner) {
        return new AccountDocument(accountId, customerId, owner.map(CustomerDocument::name).orElse(null),
                owner.map(CustomerDocument::email).orElse(null), currency, status, balance, openedAt);
    }
}
