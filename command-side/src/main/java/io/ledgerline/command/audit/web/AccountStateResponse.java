package io.ledgerline.command.audit.web;

import io.ledgerline.command.audit.AccountState;
import io.ledgerline.command.web.ApiFormats;
import io.ledgerline.events.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An account as it was, with its amounts written as every answer of the ledger writes money: a
 * decimal string beside the currency's code, as on the query side.
 */
@Schema(name = "AccountState", requiredMode = Schema.RequiredMode.REQUIRED)
public record AccountStateResponse(
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String accountId,
        @Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String customerId,
        @Schema(description = "ISO-4217 code of every amount of the account", example = "EUR",
                pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
        @Schema(description = "Decimal string in the account's currency", example = "\"75.00\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String balance,
        @Schema(description = "What its funds allowed to pay out: balance plus overdraft limit", example = "\"125.00\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String availableBalance,
        @Schema(description = "How far the balance could go below zero", example = "\"50.00\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String overdraftLimit,
        AccountState.Status status,
        @Schema(description = "The sequence of the account's event that produced this state, from 0", minimum = "0",
                maximum = "9223372036854775807") long version,
        @Schema(description = "The timestamp of that event") Instant lastEventAt) {

    static AccountStateResponse of(AccountState state) {
        return new AccountStateResponse(state.accountId(), state.customerId(), state.currency().getCurrencyCode(),
                decimal(state.balance()), decimal(state.availableBalance()), decimal(state.overdraftLimit()),
                state.status(), state.version(), state.lastEventAt());
    }

    static String decimal(Money money) {
        return money.amount().toPlainString();
    }
}
