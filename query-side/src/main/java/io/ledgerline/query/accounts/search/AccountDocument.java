package io.ledgerline.query.accounts.search;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.Money;
import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;

/**
 * An account as indexed for search. The document id is the account id; its external version is
 * the sequence of the last account event applied plus one. Owner name and email are copied from
 * the customers index and are absent while the customer is unknown or after it was erased. The
 * balance is the exact decimal string only: a balance has no bound, so no number type of the index
 * could hold every one (indices of earlier releases also hold {@code balanceMinor}; nothing reads it).
 */
@Schema(name = "AccountDocument")
public record AccountDocument(@Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String accountId,
        @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String customerId,
        @Schema(description = "The owner's name; null while the customer is unknown and once erased",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String ownerName,
        @Schema(description = "The owner's email; null while the customer is unknown and once erased",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String ownerEmail,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
        @Schema(allowableValues = {OPEN, FROZEN, CLOSED}) String status,
        @Schema(example = "\"120.50\"", pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String balance,
        Instant openedAt) {

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
