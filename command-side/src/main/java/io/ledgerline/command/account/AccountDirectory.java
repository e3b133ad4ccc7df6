package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import java.util.Currency;
import java.util.Optional;

/** The port through which handlers outside an account learn what it is kept in; passed as a parameter, never held. */
public interface AccountDirectory {

    /** The account's currency, or empty when no account is known under the id. */
    Optional<Currency> currencyOf(AccountId accountId);
}
