package io.ledgerline.command.audit;

import io.ledgerline.events.Money;
import java.time.Instant;
import java.util.Currency;

/**
 * An account as it was at one version.
 *
 * @param availableBalance what the account's funds allowed to pay out: balance plus overdraft limit
 * @param lastEventAt      the timestamp of the event that produced this version
 */
public record AccountState(String accountId, String customerId, Currency currency, Money balance,
        Money availableBalance, Money overdraftLimit, Status status, long version, Instant lastEventAt) {

    public enum Status { OPEN, FROZEN, CLOSED }
}
